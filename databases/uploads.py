"""Checks and processing of members' uploads: images through Pillow, PDFs by their signature.

An image must be a real JPEG, PNG or WebP, at most 10 MB and 40 megapixels; anything else
(another format, a truncated file, a decompression bomb) is a form error. Accepted images are
re-encoded from their pixels alone, so EXIF, GPS and any other metadata are dropped, and saved
in the sizes the pages show: up to 1600 px for detail pages and 640 px for record cards.
"""

import io
import uuid
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
MAX_PDF_BYTES = 20 * 1024 * 1024
SIZES = {"full": 1600, "card": 640}


def check_image(upload):
    """Validate ``upload`` and return it re-encoded as ``{"full": ContentFile, "card": ...}``."""
    if upload.size > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("The image is %(size)s; the largest allowed is %(limit)s."),
            code="image_too_large",
            params={
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(MAX_IMAGE_BYTES),
            },
        )
    upload.seek(0)
    data = upload.read()
    try:
        with warnings.catch_warnings():
            # Pillow warns between its limit and twice it: treat the warning as the bomb it is.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                image_format = probe.format
                width, height = probe.size
                if image_format not in IMAGE_FORMATS:
                    raise ValidationError(
                        _("Upload a JPEG, PNG or WebP image; this file is %(format)s."),
                        code="image_format",
                        params={"format": image_format or _("not an image")},
                    )
                if width * height > MAX_IMAGE_PIXELS:
                    raise ValidationError(
                        _(
                            "The image is %(width)s × %(height)s pixels; "
                            "at most 40 megapixels are allowed."
                        ),
                        code="image_pixels",
                        params={"width": width, "height": height},
                    )
                probe.verify()
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                return _renditions(image)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(
            _("The image is too large to process safely."), code="image_bomb"
        ) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("The file is not an image or it is damaged. Upload a JPEG, PNG or WebP image."),
            code="image_invalid",
        ) from error


def _renditions(image):
    # Turned as the camera meant it, then stripped of everything but the pixels.
    image = ImageOps.exif_transpose(image)
    has_alpha = image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info)
    image = image.convert("RGBA" if has_alpha else "RGB")
    name = uuid.uuid4().hex
    files = {}
    for size_name, longest in SIZES.items():
        copy = image.copy()
        copy.thumbnail((longest, longest), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        copy.save(out, "WEBP", quality=82, method=4)
        files[size_name] = ContentFile(out.getvalue(), name=f"{name}-{size_name}.webp")
    return files


def check_pdf(upload):
    """A PDF by its signature and size; the name that is stored is fresh, not the sender's."""
    if upload.size > MAX_PDF_BYTES:
        raise ValidationError(
            _("The PDF is %(size)s; the largest allowed is %(limit)s."),
            code="pdf_too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_PDF_BYTES)},
        )
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    if b"%PDF-" not in head:
        raise ValidationError(_("The attachment must be a PDF document."), code="pdf_type")
    return upload
