"""A stored file goes when the last row that refers to it goes, once the deletion is committed
(a rolled-back deletion keeps its file): no orphans under media/records/."""
from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from records.models import Record, RecordVersion


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
