from .enterprise import Enterprise
from .institution import ServiceInstitution
from .project import Project
from .records import PublicationStatus, Record, RecordQuerySet
from .talent import Talent
from .taxonomy import (
    SDG,
    BricsStatus,
    CooperationType,
    Country,
    Language,
    Sector,
    TechnologyField,
)
from .technology import Technology

__all__ = [
    "SDG",
    "BricsStatus",
    "CooperationType",
    "Country",
    "Enterprise",
    "Language",
    "Project",
    "PublicationStatus",
    "Record",
    "RecordQuerySet",
    "Sector",
    "ServiceInstitution",
    "Talent",
    "Technology",
    "TechnologyField",
]
