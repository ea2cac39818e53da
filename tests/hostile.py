"""Files built to be expensive: small on disk, slow or large to read."""
import zlib


def hostile_pdf(pages=300, repeats=4000):
    """A valid PDF of a few dozen KB whose pages all draw one flate stream of thousands of text lines."""
    line = b"BT /F1 9 Tf 72 %d Td (Mr. Smith \\(Ruritania\\): I thank the President.) Tj ET\n"
    stream = zlib.compress(b"".join(line % (700 - (i % 60) * 11) for i in range(repeats)), 9)
    kids = " ".join(f"{4 + i} 0 R" for i in range(pages))
    font = 4 + pages
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    objects += [f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
                f"/Resources << /Font << /F1 {font} 0 R >> >> >>".encode() for _ in range(pages)]
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out, offsets = bytearray(b"%PDF-1.7\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
