"""What the admin modules share: read-only views of the rows derived from record files."""
from django.contrib import admin


class ReadOnly:
    """For rows derived from the record file: viewable, never added, edited or deleted by hand."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(ReadOnly, admin.TabularInline):
    extra = 0
