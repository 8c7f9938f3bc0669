from .enterprise import Enterprise
from .figures import FiguresSnapshot
from .institution import ServiceInstitution
from .media import RecordImage
from .membership import MemberRole, Membership, MembershipStatus
from .open_data import DataDownload, DownloadFormat
from .project import Project
from .records import PublicationStatus, Record, RecordQuerySet
from .review import ReviewNote, ReviewStep
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
    "DataDownload",
    "DownloadFormat",
    "Enterprise",
    "FiguresSnapshot",
    "Language",
    "MemberRole",
    "Membership",
    "MembershipStatus",
    "Project",
    "PublicationStatus",
    "Record",
    "RecordImage",
    "RecordQuerySet",
    "ReviewNote",
    "ReviewStep",
    "Sector",
    "ServiceInstitution",
    "Talent",
    "Technology",
    "TechnologyField",
]
