"""The progress line and the summary of a bulk import."""
from records.ingest import FAILED, HELD, IMPORTED, REPLACED, STATUSES, UNCHANGED

NAMES_PER_REASON = 3


class Progress:
    """A one-line progress bar with counts; failures and held files kept for the summary, by reason."""

    def __init__(self, total, enabled, stream):
        self.total = total
        self.enabled = enabled
        self.stream = stream
        self.counts = dict.fromkeys(STATUSES, 0)
        self.problems = {FAILED: {}, HELD: {}}  # status -> {reason: [names]}
        self.done = 0

    def add(self, status, name, message):
        self.done += 1
        self.counts[status] += 1
        if status in self.problems:
            self.problems[status].setdefault(message, []).append(name)
        if self.enabled:
            width = 30
            filled = width * self.done // self.total
            self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} "
                              f"imported {self.counts[IMPORTED] + self.counts[REPLACED]} · "
                              f"unchanged {self.counts[UNCHANGED]} · held {self.counts[HELD]} · "
                              f"failed {self.counts[FAILED]}", ending="", style_func=lambda text: text)
            self.stream.flush()

    def finish(self):
        if self.enabled:
            self.stream.write("", style_func=lambda text: text)

    def summary(self):
        counts = ", ".join(f"{self.counts[s]} {s}" for s in (IMPORTED, REPLACED, UNCHANGED, HELD, FAILED))
        lines = [f"{self.done} files: {counts}"]
        for status, label in ((HELD, "held for review"), (FAILED, "failed")):
            for reason, names in sorted(self.problems[status].items(), key=lambda item: -len(item[1])):
                shown = ", ".join(names[:NAMES_PER_REASON])
                more = f" and {len(names) - NAMES_PER_REASON} more" if len(names) > NAMES_PER_REASON else ""
                lines.append(f"  {label} ({len(names)}): {reason}: {shown}{more}")
        return "\n".join(lines)
