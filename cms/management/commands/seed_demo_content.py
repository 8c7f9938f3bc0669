from django.core.management.base import BaseCommand

from cms import demo


class Command(BaseCommand):
    help = (
        "Add demonstration events (placed around today) and policy documents, or refresh them; "
        "running it again changes no other content."
    )

    def handle(self, *args, **options):
        events, policies = demo.seed()
        self.stdout.write(
            self.style.SUCCESS(f"{events} events and {policies} policy documents are published.")
        )
