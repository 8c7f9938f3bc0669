"""Images kept across a submission form that failed validation for another reason.

The images a member chose were checked and re-encoded (databases/uploads.py); when the form comes
back with an error elsewhere, their renditions are written to the media storage under
``tmp/kept/`` and the form carries a signed token naming them, bound to the member and valid
for a day. The page shows them, ticked to be kept; the next post adds the ticked ones to the
record like new uploads, and the temporary files go once that is committed. Those of forms that
were abandoned go once their token has expired: ``discard_stale``, run every hour by beat
(databases.tasks.discard_stale_kept_images).
"""

import base64
import logging
import uuid
from datetime import timedelta

from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from databases.files import discard

logger = logging.getLogger(__name__)

PREFIX = "tmp/kept/"
MAX_AGE = timedelta(days=1)
SALT = "databases.kept-images"
TOKEN_FIELD = "kept_images"
KEEP_FIELD = "keep_images"


def read(token, user):
    """The [full, card] name pairs ``token`` names, if it is genuine, fresh and ``user``'s."""
    if not token or user is None or not user.is_authenticated:
        return []
    try:
        payload = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return []
    if payload.get("user") != user.pk:
        return []
    return [
        pair
        for pair in payload.get("images", [])
        if len(pair) == 2 and all(name.startswith(PREFIX) for name in pair)
    ]


def token(pairs, user):
    return signing.dumps({"user": user.pk, "images": pairs}, salt=SALT)


def write(renditions):
    """Store one image's checked renditions under ``tmp/kept/``; its [full, card] names."""
    stem = f"{PREFIX}{uuid.uuid4().hex}"
    names = []
    for size in ("full", "card"):
        renditions[size].seek(0)
        names.append(default_storage.save(f"{stem}-{size}.webp", renditions[size]))
    return names


def load(pairs):
    """The kept images as renditions, to be stored with the record like new uploads."""
    loaded = []
    for full, card in pairs:
        with default_storage.open(full) as big, default_storage.open(card) as small:
            stem = uuid.uuid4().hex
            loaded.append(
                {
                    "full": ContentFile(big.read(), name=f"{stem}-full.webp"),
                    "card": ContentFile(small.read(), name=f"{stem}-card.webp"),
                }
            )
    return loaded


def preview(card):
    """The card rendition as a data: URL (the CSP allows them for images): the temporary files
    are nobody's record and the media view serves none of them."""
    with default_storage.open(card) as file:
        return "data:image/webp;base64," + base64.b64encode(file.read()).decode("ascii")


def discard_after_commit(pairs):
    names = [name for pair in pairs for name in pair]
    if names:
        transaction.on_commit(lambda: discard(names), robust=True)


def discard_stale(now=None):
    """Delete the kept images older than a token lives (no form can claim them any more); the
    names of those deleted. Running it again deletes nothing more."""
    try:
        _dirs, files = default_storage.listdir(PREFIX)
    except FileNotFoundError:
        return []
    limit = (now or timezone.now()) - MAX_AGE
    stale = [
        PREFIX + name for name in files if default_storage.get_modified_time(PREFIX + name) < limit
    ]
    discard(stale)
    return stale
