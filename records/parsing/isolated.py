"""Parsing in a child process with a wall-clock and a memory limit.

A small hostile file (a flate-compressed page drawn 300 times) can keep the parser busy for a
minute and take gigabytes; in the web process that kills the worker. Here the parse runs in a
child forked from a server process that has the parser loaded already (multiprocessing's
forkserver: no copy of the caller's threads or database connections), limited with setrlimit,
and killed when its time is up. Pure Python, no Django, like the rest of the parser.
"""
import multiprocessing
import resource

from records.parsing.contract import to_contract
from records.parsing.errors import NeedsOcr, ParseError

_context = None


class ParseLimitExceeded(ParseError):
    """The file could not be read within the limits; the message says which."""


def _forkserver():
    global _context
    if _context is None:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["records.parsing"])
        _context = context
    return _context


def _child(connection, data, memory_bytes, ocr):
    if memory_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    try:
        from records.parsing import parse_bytes

        connection.send(("ok", to_contract(parse_bytes(data, ocr=ocr))))
    except NeedsOcr as exc:
        connection.send(("needs-ocr", str(exc)))
    except MemoryError:
        connection.send(("memory", None))
    except ParseError as exc:
        # parse_bytes reports a MemoryError inside the parser as its own failure: here it is the limit.
        connection.send(("memory", None) if isinstance(exc.__cause__, MemoryError) else ("refused", str(exc)))
    finally:
        connection.close()


def parse_isolated(data, timeout_seconds, memory_bytes, ocr=False):
    """The contract document of a record file, parsed in a limited child; ParseError otherwise.

    ocr: read a scan (a PDF without a text layer) by OCR; without it such a file raises NeedsOcr, so
    that the caller can give OCR its own, longer, time.
    """
    context = _forkserver()
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, data, memory_bytes, ocr), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(timeout_seconds):
            raise ParseLimitExceeded(f"the file takes too long to read (more than {timeout_seconds:g} s); "
                                     "it may be damaged or built to be slow")
        kind, value = receiver.recv()
    except EOFError:  # the child died before it could answer
        kind, value = None, None
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join(5)
    if kind is None:
        # Killed by a signal: at its memory limit a C library (PDFium) fails an allocation and aborts.
        kind = "memory" if (child.exitcode or 0) < 0 else "crashed"
    if kind == "crashed":
        raise ParseError(f"the parsing process failed (exit status {child.exitcode}); the file could not be read")
    if kind == "memory":
        raise ParseLimitExceeded(f"the file takes too much memory to read (more than "
                                 f"{memory_bytes / 2**20:,.0f} MB); it may be damaged or built to be large")
    if kind == "refused":
        raise ParseError(value)
    if kind == "needs-ocr":
        raise NeedsOcr(value)
    return value
