"""Checks of members' uploads: real images only, re-encoded without metadata; PDFs only."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from databases import uploads


def image_file(fmt="PNG", size=(64, 48), name=None, exif=None):
    out = io.BytesIO()
    extra = {"exif": exif} if exif is not None else {}
    Image.new("RGB", size, (20, 120, 60)).save(out, fmt, **extra)
    extension = {"JPEG": "jpg"}.get(fmt, fmt.lower())
    return SimpleUploadedFile(name or f"photo.{extension}", out.getvalue(), f"image/{extension}")


def gps_exif():
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0)}  # GPSInfo
    return exif


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP"])
def test_an_image_is_re_encoded_in_two_sizes(fmt):
    files = uploads.check_image(image_file(fmt, size=(3000, 1500)))
    with Image.open(files["full"]) as full, Image.open(files["card"]) as card:
        assert full.format == card.format == "WEBP"
        assert full.size == (1600, 800)
        assert card.size == (640, 320)


def test_location_and_camera_data_are_removed():
    files = uploads.check_image(image_file("JPEG", exif=gps_exif()))
    with Image.open(files["full"]) as image:
        assert not image.getexif()
        assert "exif" not in image.info


@pytest.mark.parametrize(
    "upload, message",
    [
        (SimpleUploadedFile("notes.png", b"just some text", "image/png"), "not an image"),
        (image_file("GIF", name="anim.gif"), "this file is GIF"),
        (image_file("BMP", name="old.bmp"), "this file is BMP"),
    ],
)
def test_a_file_that_is_not_an_allowed_image_is_refused(upload, message):
    with pytest.raises(ValidationError) as error:
        uploads.check_image(upload)
    assert message in " ".join(error.value.messages)


def test_a_damaged_image_is_refused():
    data = image_file("PNG").read()
    damaged = SimpleUploadedFile("broken.png", data[:60], "image/png")
    with pytest.raises(ValidationError):
        uploads.check_image(damaged)


def test_more_than_forty_megapixels_are_refused():
    # A tiny file whose header claims a huge picture: the pixels are never decoded.
    upload = image_file("PNG", size=(8000, 6000))
    with pytest.raises(ValidationError) as error:
        uploads.check_image(upload)
    assert "40 megapixels" in error.value.messages[0]


def test_a_decompression_bomb_is_refused(monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    with pytest.raises(ValidationError) as error:
        uploads.check_image(image_file("PNG", size=(64, 48)))
    assert error.value.code == "image_bomb"


def test_a_file_over_ten_megabytes_is_refused():
    upload = SimpleUploadedFile("big.png", b"\0" * (10 * 1024 * 1024 + 1), "image/png")
    with pytest.raises(ValidationError) as error:
        uploads.check_image(upload)
    assert "the largest allowed is 10.0\xa0MB" in error.value.messages[0]


def test_a_pdf_is_accepted_by_its_signature():
    upload = SimpleUploadedFile("study.pdf", b"%PDF-1.7\n...", "application/pdf")
    assert uploads.check_pdf(upload) is upload


@pytest.mark.parametrize("content", [b"<html>", b"MZ\x90\x00executable"])
def test_anything_else_named_pdf_is_refused(content):
    with pytest.raises(ValidationError):
        uploads.check_pdf(SimpleUploadedFile("study.pdf", content, "application/pdf"))
