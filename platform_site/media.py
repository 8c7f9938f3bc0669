"""Who may see an uploaded file, and its delivery.

Every file under MEDIA_URL is served through ``serve``. A file is known by the rows that hold
its name, which each app declares (``media_holders()`` of its app config): a record's image,
small image or attachment, an image of a record's gallery (databases/apps.py), a policy
document's PDF (cms/apps.py). It is public when one of those rows is (a published record, a
published policy document); otherwise the enterprise members who keep the record
(``maintained_by``) and the staff who may view its kind see it, and nobody else. A name that
no row holds is a 404 like any other, whatever is in storage.

One query answers for any name, however many rows share it (the demo records share their
images; a working copy shares its original's), and the permission check adds the user's
permissions, cached for the request.
"""

import mimetypes
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from urllib.parse import quote

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_permission_codename
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.db import models
from django.db.models import BooleanField, ExpressionWrapper, Q, Value
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.utils.http import content_disposition_header

PUBLIC = "public, max-age=3600"
PRIVATE = "private, no-store"
# Whatever holds a longer name is not a stored file (the file columns' max_length).
MAX_NAME_LENGTH = 255


def file_columns(model, name):
    """Rows of ``model`` whose own file columns hold ``name``."""
    columns = [f.name for f in model._meta.concrete_fields if isinstance(f, models.FileField)]
    return Q.create([(column, name) for column in columns], connector=Q.OR)


@dataclass(frozen=True)
class Holder:
    """Rows of ``model`` that may hold a file (``holds(model, name)``); what makes one public;
    whether the members of its enterprise see it unpublished."""

    model: type
    holds: Callable
    public: Q
    members: bool = False

    @property
    def permission(self):
        opts = self.model._meta
        return f"{opts.app_label}.{get_permission_codename('view', opts)}"

    def visible(self, user):
        """Which rows ``user`` sees unpublished as one of the enterprise's members."""
        if not (self.members and user.is_authenticated):
            return Value(False)
        return Q(pk__in=self.model.objects.maintained_by(user).values("pk"))


@cache
def holders():
    """Every app's holders of files, in the order of INSTALLED_APPS."""
    return [
        holder
        for config in apps.get_app_configs()
        if hasattr(config, "media_holders")
        for holder in config.media_holders()
    ]


def access(user, name):
    """``PUBLIC`` or ``PRIVATE`` when ``user`` may see the stored file ``name``, else None."""
    if not _plausible(name):
        return None
    querysets = []
    for number, holder in enumerate(holders()):
        querysets.append(
            holder.model.objects.filter(holder.holds(holder.model, name))
            .order_by()
            .annotate(
                holder=Value(number),
                public=ExpressionWrapper(holder.public, output_field=BooleanField()),
                visible=ExpressionWrapper(holder.visible(user), output_field=BooleanField()),
            )
            .values_list("holder", "public", "visible")
        )
    # UNION, not UNION ALL: a name that many rows hold gives a few distinct answers.
    rows = set(querysets[0].union(*querysets[1:]))
    if any(public for _holder, public, _visible in rows):
        return PUBLIC
    if any(visible for _holder, _public, visible in rows):
        return PRIVATE
    if any(user.has_perm(holders()[number].permission) for number, _p, _v in rows):
        return PRIVATE
    return None


def _plausible(name):
    """A name the storage could have given: relative, normalised, inside MEDIA_ROOT."""
    return (
        0 < len(name) <= MAX_NAME_LENGTH
        and posixpath.normpath(name) == name
        and not name.startswith(("/", "."))
        and "\\" not in name
        and "\x00" not in name
    )


def serve(user, name):
    """The response for ``user`` asking for the stored file ``name``; Http404 when there is
    none they may see."""
    cache_control = access(user, name)
    if cache_control is None:
        raise Http404
    return send(name, cache_control, as_attachment=name.lower().endswith(".pdf"))


def send(name, cache_control, as_attachment=False, filename=None):
    """The response that delivers the stored file ``name`` (whoever may see it: the caller
    checked), from the storage, through nginx or by a link to the bucket; Http404 when the
    storage has no such file."""
    filename = filename or posixpath.basename(name)
    if hasattr(default_storage, "signed_url"):
        # A private bucket: the browser fetches the file from it with a link that expires.
        response = HttpResponseRedirect(default_storage.signed_url(name, as_attachment))
        # Not cached for longer than the link lives.
        expire = default_storage.querystring_expire // 2
        response["Cache-Control"] = (
            f"public, max-age={min(3600, expire)}"
            if cache_control.startswith("public")
            else PRIVATE
        )
        return response
    if settings.MEDIA_ACCEL_REDIRECT:
        # nginx sends the file from its internal location, with these headers.
        content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = settings.MEDIA_ACCEL_REDIRECT + quote(name)
        response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    else:
        try:
            stored = default_storage.open(name)
        except (OSError, SuspiciousFileOperation) as error:
            raise Http404 from error
        response = FileResponse(stored, as_attachment=as_attachment, filename=filename)
    response["Cache-Control"] = cache_control
    return response
