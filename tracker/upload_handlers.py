"""Django's upload handlers, keeping the start of a long file name.

Django cuts a name over 255 characters from the front of its extension, so `brief.` followed by
300 letters arrives as `.ppp…`, and names its temporary file after that extension, which the file
system then refuses as too long. Here the name is shortened first, keeping its start.
"""

import os

from django.core.files import uploadhandler

from tracker.filenames import MAX_EXTENSION, shortened


class MemoryFileUploadHandler(uploadhandler.MemoryFileUploadHandler):
    def new_file(self, field_name, file_name, *args, **kwargs):
        super().new_file(field_name, shortened(file_name), *args, **kwargs)


class TemporaryFileUploadHandler(uploadhandler.TemporaryFileUploadHandler):
    def new_file(self, field_name, file_name, *args, **kwargs):
        name = shortened(file_name)
        stem, extension = os.path.splitext(name)
        super().new_file(field_name, name if len(extension) <= MAX_EXTENSION else stem, *args, **kwargs)
        self.file.name = name
