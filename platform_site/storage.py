"""Media in a private S3-compatible bucket, reached only through the media view."""

import posixpath

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from django.utils.http import content_disposition_header
from storages.backends.s3 import S3Storage


class PrivateS3Storage(S3Storage):
    """Pages link every file to MEDIA_URL, like the local storage; the media view
    (platform_site/media.py) checks who asks and sends them on to ``signed_url``, a link to
    the private bucket that expires after ``querystring_expire`` seconds."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        return settings.MEDIA_URL + filepath_to_uri(name)

    def signed_url(self, name, as_attachment):
        parameters = None
        if as_attachment:
            filename = posixpath.basename(name)
            parameters = {"ResponseContentDisposition": content_disposition_header(True, filename)}
        return super().url(name, parameters=parameters)
