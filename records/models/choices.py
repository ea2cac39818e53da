"""Every set of choices, defined once: models, check constraints, forms, the parser's contract and
ingest use these, and no literal value of them is written anywhere else."""
from django.db import models


class CountryStatus(models.TextChoices):
    MEMBER = "member", "Member State"
    OBSERVER = "observer", "Observer State"
    FORMER = "former", "Former State"


class RecordStatus(models.TextChoices):
    PROVISIONAL = "provisional", "provisional"
    FINAL = "final", "final"


class Role(models.TextChoices):
    PRESIDENT = "president", "President"
    MEMBER = "member", "Council member"
    INVITED = "invited", "Invited State (rule 37)"
    BRIEFER = "briefer", "Briefer"


class Subject(models.TextChoices):
    AGENDA = "agenda", "agenda"
    DRAFT_RESOLUTION = "draft resolution", "draft resolution"
    AMENDMENT = "amendment", "amendment"
    PROCEDURAL = "procedural", "procedural"
    OTHER = "other", "other"


class Outcome(models.TextChoices):
    ADOPTED = "adopted", "adopted"
    NOT_ADOPTED = "not adopted", "not adopted"


class Position(models.TextChoices):
    IN_FAVOUR = "in_favour", "in favour"
    AGAINST = "against", "against"
    ABSTAINING = "abstaining", "abstaining"


class VersionState(models.TextChoices):
    APPLIED = "applied", "applied: the version shown"
    SUPERSEDED = "superseded", "superseded by a later version"
    HELD = "held", "held for review: not applied"


class RunStatus(models.TextChoices):
    QUEUED = "queued", "queued"
    RUNNING = "running", "running"
    DONE = "done", "done"
    FAILED = "failed", "failed"


class ItemState(models.TextChoices):
    """What happened to one document of a harvest (or one file of a queued upload)."""

    PENDING = "pending", "not fetched yet"
    IMPORTED = "imported", "imported"
    REPLACED = "replaced", "replaced the earlier version"
    UNCHANGED = "unchanged", "unchanged"
    HELD = "held", "held for review"
    MISSING = "missing", "no such document"
    FAILED = "failed", "failed"


class RunKind(models.TextChoices):
    FETCH = "fetch", "fetch symbols"
    NEW = "new", "fetch new records"
    UPLOAD = "upload", "import uploaded files"
