"""What one submission's images cost the server: time and peak memory of checking them.

The images are solid-colour PNGs written row by row (they compress to a few dozen kilobytes
however many pixels they claim), so that making them costs this process no memory: the peak it
reports is the checks' own. Run each case in a fresh process; the peak never goes down.
"""

import resource
import struct
import time
import zlib

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand

from databases.forms import MultipleImageField


def solid_png(width, height, mode):
    """A PNG of one colour: a palette image ("P") or a true-colour one ("RGB")."""
    channels, colour_type = {"P": (1, 3), "RGB": (3, 2)}[mode]
    row = b"\0" + b"\1" * (width * channels)
    compressor = zlib.compressobj(9)
    pixels = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()

    def chunk(kind, body):
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    palette = chunk(b"PLTE", bytes([20, 120, 60, 1, 1, 1])) if mode == "P" else b""
    return b"".join(
        [
            b"\x89PNG\r\n\x1a\n",
            chunk(b"IHDR", header),
            palette,
            chunk(b"IDAT", pixels),
            chunk(b"IEND", b""),
        ]
    )


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Command(BaseCommand):
    help = "Time and measure the image checks of one submission form with N large images."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=6)
        parser.add_argument("--width", type=int, default=8000)
        parser.add_argument("--height", type=int, default=5000)
        parser.add_argument("--mode", choices=("P", "RGB"), default="P")
        parser.add_argument("--file", help="Upload copies of this image instead (e.g. a photo).")

    def handle(self, *args, count, width, height, mode, file, **options):
        if file:
            with open(file, "rb") as image:
                data = image.read()
            what = f"{file} ({len(data) / 1024:.0f} KB)"
        else:
            data = solid_png(width, height, mode)
            what = f"{width}×{height} {mode} PNG of {len(data) / 1024:.0f} KB"
        files = [SimpleUploadedFile(f"upload-{n}", data) for n in range(count)]
        before = peak_mb()
        start = time.perf_counter()
        try:
            MultipleImageField().clean(files)
            outcome = "accepted"
        except ValidationError as error:
            outcome = f"refused: {error.messages[0]}"
        seconds = time.perf_counter() - start
        self.stdout.write(
            f"{count} × {what}: {outcome}\n"
            f"{seconds:.2f} s, peak RSS {peak_mb():.0f} MB (before the checks {before:.0f} MB)"
        )
