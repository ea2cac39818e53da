"""What follows a deletion once it is committed (a rolled-back one changes nothing): a stored file
goes when the last row that refers to it goes, no orphans under media/records/; a deleted
meeting's turns leave the search index."""
from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from records.models import Meeting, Record, RecordVersion


@receiver(post_delete, sender=RecordVersion, dispatch_uid="records-version-file")
@receiver(post_delete, sender=Record, dispatch_uid="records-record-file")
def delete_unreferenced_file(sender, instance, **kwargs):
    name = instance.file.name
    if not name:
        return
    storage = instance.file.storage

    def delete_if_unused():
        if not (Record.objects.filter(file=name).exists() or RecordVersion.objects.filter(file=name).exists()):
            storage.delete(name)

    transaction.on_commit(delete_if_unused)


@receiver(post_delete, sender=Meeting, dispatch_uid="records-meeting-search")
@receiver(post_delete, sender=Record, dispatch_uid="records-record-search")
def forget_in_search(sender, instance, **kwargs):
    """A deleted meeting leaves the search index once the deletion is committed; a deleted language
    version leaves its meeting's documents."""
    from records import search  # the index needs the app's models loaded

    meeting = instance.pk if sender is Meeting else instance.meeting_id  # read now: Django clears pk
    transaction.on_commit(lambda: search.update_meetings([meeting]))
