"""Receiving record files over HTTP: several per form, each refused above the size limit as it arrives."""
from django import forms
from django.core.files.uploadhandler import FileUploadHandler, SkipFile


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class RecordFilesField(forms.FileField):
    """Any number of files. Their content is judged by the importer, not here: an empty
    or odd file gets its own result line rather than failing the whole form."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f]
        if not files and self.required:
            raise forms.ValidationError("Choose at least one record file.", code="required")
        return files


class RecordUploadForm(forms.Form):
    files = RecordFilesField(label="Record files", help_text="Verbatim records as PDF or UTF-8 text, any of "
                                                             "the six languages; several at once.")


class SizeLimitUploadHandler(FileUploadHandler):
    """Stops receiving a file once it passes the limit, so an oversized upload is never stored."""

    def __init__(self, request, limit):
        super().__init__(request)
        self.limit = limit
        self.too_large = []
        self.received = 0

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            self.too_large.append(self.file_name)
            raise SkipFile()
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler builds the file
