"""Matchmaking: runs of the engine, the matches they keep, members' feedback, and the
introductions the secretariat brokers between a project and an enterprise."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from databases.models.records import AboutARecord


class RunTrigger(models.TextChoices):
    SCHEDULE = "schedule", _("Nightly schedule")
    MANUAL = "manual", _("Started by staff")


class RunStatus(models.TextChoices):
    RUNNING = "running", _("Running")
    SUCCEEDED = "succeeded", _("Succeeded")
    FAILED = "failed", _("Failed")


class MatchRunQuerySet(models.QuerySet):
    def current(self):
        """The run whose matches are shown: the latest that succeeded (None before the first)."""
        return self.filter(status=RunStatus.SUCCEEDED).order_by("-finished_at", "-pk").first()


class MatchRun(models.Model):
    trigger = models.CharField(_("trigger"), max_length=10, choices=RunTrigger.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=RunStatus.choices, default=RunStatus.RUNNING
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    # Its features saved and its chunks created (then sent to the workers).
    prepared_at = models.DateTimeField(_("prepared"), null=True, blank=True)
    # When its preparation or its finalisation was last sent to the workers: the watchdog sends
    # it again when no worker holds the run a while after that (the message was lost).
    queued_at = models.DateTimeField(_("step queued"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    chunk_count = models.PositiveIntegerField(_("chunks"), default=0)
    chunks_done = models.PositiveIntegerField(_("chunks done"), default=0)
    projects_scored = models.PositiveIntegerField(_("projects scored"), default=0)
    enterprises_scored = models.PositiveIntegerField(_("enterprises scored"), default=0)
    pairs_scored = models.PositiveBigIntegerField(_("pairs scored"), default=0)
    matches_kept = models.PositiveIntegerField(_("matches kept"), default=0)
    # The criteria's weights the run scores with, pinned when it starts (a weight set that goes
    # live meanwhile waits for the next run); empty for runs from before weights were pinned.
    weights = models.JSONField(_("weights"), default=dict, blank=True)
    errors = models.TextField(_("errors"), blank=True)

    objects = MatchRunQuerySet.as_manager()

    class Meta:
        verbose_name = _("matchmaking run")
        verbose_name_plural = _("matchmaking runs")
        ordering = ["-started_at", "-pk"]
        constraints = [
            # Only one run at a time: a second start fails on this index, whatever the worker.
            models.UniqueConstraint(
                fields=["status"],
                condition=Q(status=RunStatus.RUNNING),
                name="matchmaking_one_running_run",
            ),
        ]
        indexes = [
            # MatchRun.objects.current(): the latest run that succeeded.
            models.Index(fields=["status", "-finished_at"], name="matchmaking_run_current_idx"),
        ]

    def __str__(self):
        return f"#{self.pk} {self.get_status_display()}"

    @property
    def duration(self):
        if self.finished_at is None:
            return None
        return self.finished_at - self.started_at


class MatchChunk(models.Model):
    """A block of projects of a run, scored by one task; marked done once, so a retried or
    repeated task counts once towards the run's progress.

    A task claims its chunk before scoring it (``claimed_at``, ``claimed_by``: the task's id),
    with a conditional update: no other task takes a claim until it is older than a chunk's
    hard time limit, by when its holder is dead. The watchdog sends a chunk again when neither
    its message (``queued_at``) nor its claim is that recent."""

    run = models.ForeignKey(
        MatchRun, verbose_name=_("run"), on_delete=models.CASCADE, related_name="chunks"
    )
    number = models.PositiveIntegerField(_("number"))
    queued_at = models.DateTimeField(_("queued"), default=timezone.now)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    claimed_by = models.CharField(_("claimed by task"), max_length=255, blank=True)
    # Tasks that started it: bounded, so that a chunk that kills its worker every time (out of
    # memory) fails the run instead of being delivered again until the run times out.
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)

    class Meta:
        verbose_name = _("chunk")
        verbose_name_plural = _("chunks")
        constraints = [
            models.UniqueConstraint(fields=["run", "number"], name="matchmaking_one_chunk_number"),
        ]

    def __str__(self):
        return f"{self.run_id}/{self.number}"


def _concerning_members_of(user):
    """Pairs whose project or enterprise belongs to an enterprise ``user`` is a member of."""
    from databases.models import Enterprise

    enterprises = Enterprise.objects.of_member(user)
    return Q(project__enterprise__in=enterprises) | Q(enterprise__in=enterprises)


class MatchQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Matches of the current run that concern an enterprise ``user`` is a member of,
        through its projects or itself."""
        run = MatchRun.objects.current()
        if run is None or not user.is_authenticated:
            return self.none()
        from databases.models import PublicationStatus

        # A record unpublished since the run is no longer proposed to anyone.
        return self.filter(
            _concerning_members_of(user),
            run=run,
            project__status=PublicationStatus.PUBLISHED,
            enterprise__status=PublicationStatus.PUBLISHED,
        )


class Match(models.Model):
    """A project and an enterprise the engine proposes to each other, with its explanation.

    ``components`` holds each criterion's score (0–1, see matchmaking/weights.py) and
    ``reasons`` the criteria that speak for the match, as ``{"code": ..., ...}`` dictionaries
    rendered in the reader's language (matchmaking/reasons.py).
    """

    run = models.ForeignKey(
        MatchRun, verbose_name=_("run"), on_delete=models.CASCADE, related_name="matches"
    )
    project = models.ForeignKey(
        "databases.Project",
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="matches",
    )
    enterprise = models.ForeignKey(
        "databases.Enterprise",
        verbose_name=_("enterprise"),
        on_delete=models.CASCADE,
        related_name="matches",
    )
    score = models.FloatField(_("score"))
    components = models.JSONField(_("component scores"), default=dict)
    reasons = models.JSONField(_("reasons"), default=list)
    # The match's place among the project's partners and among the enterprise's projects
    # (null where it is not among that side's best).
    project_rank = models.PositiveSmallIntegerField(_("rank for the project"), null=True)
    enterprise_rank = models.PositiveSmallIntegerField(_("rank for the enterprise"), null=True)

    objects = MatchQuerySet.as_manager()

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        constraints = [
            models.UniqueConstraint(
                fields=["run", "project", "enterprise"], name="matchmaking_one_match_per_pair"
            ),
        ]
        indexes = [
            # A project's recommended partners in the current run.
            models.Index(fields=["run", "project", "project_rank"], name="match_project_idx"),
            # An enterprise's recommended projects in the current run.
            models.Index(
                fields=["run", "enterprise", "enterprise_rank"], name="match_enterprise_idx"
            ),
        ]

    def __str__(self):
        return f"{self.project} ↔ {self.enterprise} ({self.score:.2f})"


class Side(models.TextChoices):
    PROJECT = "project", _("The project's side")
    ENTERPRISE = "enterprise", _("The enterprise's side")


class AboutAPair(models.Model):
    """Base of what concerns one project and one enterprise (dismissals, introductions)."""

    project = models.ForeignKey(
        "databases.Project",
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="%(class)ss",
    )
    enterprise = models.ForeignKey(
        "databases.Enterprise",
        verbose_name=_("enterprise"),
        on_delete=models.CASCADE,
        related_name="%(class)ss",
    )

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.project} ↔ {self.enterprise}"


class Dismissal(AboutAPair):
    """A member marked a proposed partner "not relevant": hidden on their side, kept as
    feedback for the engine's evaluation."""

    side = models.CharField(_("dismissed by"), max_length=10, choices=Side.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
    )
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("dismissed match")
        verbose_name_plural = _("dismissed matches")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "enterprise", "side"], name="matchmaking_one_dismissal"
            ),
        ]


class Brokered(models.Model):
    """Base of what a member asks the secretariat to pass on (introductions, expressions of
    interest): who asked and when, who on the staff handled it and when it was passed on."""

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    forwarded_at = models.DateTimeField(_("forwarded"), null=True, blank=True)

    class Meta:
        abstract = True


class IntroductionStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    FORWARDED = "forwarded", _("Forwarded to the other side")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class Outcome(models.TextChoices):
    MEETING = "meeting", _("Meeting held")
    AGREEMENT = "agreement", _("Agreement signed")
    ABANDONED = "abandoned", _("Abandoned")


OPEN_INTRODUCTIONS = [
    IntroductionStatus.REQUESTED,
    IntroductionStatus.FORWARDED,
    IntroductionStatus.ACCEPTED,
]


class IntroductionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Introductions concerning an enterprise ``user`` is a member of, on either side."""
        return self.filter(_concerning_members_of(user))


class Introduction(AboutAPair, Brokered):
    """One side asks the secretariat to introduce it to the other; staff forward the request,
    the other side accepts or declines, and on acceptance both get each other's contacts."""

    requesting_side = models.CharField(_("requesting side"), max_length=10, choices=Side.choices)
    run = models.ForeignKey(
        MatchRun,
        verbose_name=_("proposed by run"),
        on_delete=models.SET_NULL,
        related_name="introductions",
        null=True,
        blank=True,
    )
    message = models.TextField(_("message"), max_length=2000, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=IntroductionStatus.choices,
        default=IntroductionStatus.REQUESTED,
    )
    staff_note = models.TextField(_("note to the other side"), blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, blank=True)
    outcome_at = models.DateTimeField(_("outcome recorded"), null=True, blank=True)
    agreement_value_usd = models.DecimalField(
        _("agreement value (USD)"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    co2_reduction = models.DecimalField(
        _("expected CO₂ reduction (tCO₂e/yr)"),
        max_digits=14,
        decimal_places=1,
        null=True,
        blank=True,
    )
    outcome_note = models.TextField(_("how it went"), max_length=2000, blank=True)
    # The story of cooperation that tells this outcome, set by staff. Here rather than on the
    # story: cms sits below matchmaking and may not depend on it, even by a string reference.
    story = models.ForeignKey(
        "cms.Story",
        verbose_name=_("told in the story"),
        on_delete=models.SET_NULL,
        related_name="introductions",
        null=True,
        blank=True,
    )

    objects = IntroductionQuerySet.as_manager()

    class Meta:
        verbose_name = _("introduction")
        verbose_name_plural = _("introductions")
        ordering = ["-created_at"]
        constraints = [
            # One open introduction per pair: asking twice does not make two.
            models.UniqueConstraint(
                fields=["project", "enterprise"],
                condition=Q(status__in=OPEN_INTRODUCTIONS),
                name="matchmaking_one_open_introduction",
            ),
            models.CheckConstraint(
                condition=Q(agreement_value_usd__isnull=True) | Q(agreement_value_usd__gte=0),
                name="matchmaking_agreement_value_not_negative",
            ),
        ]
        indexes = [
            # The staff queue: introductions waiting to be forwarded, oldest first.
            models.Index(fields=["status", "created_at"], name="introduction_queue_idx"),
        ]


class InterestStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    FORWARDED = "forwarded", _("Forwarded to the owner")
    CLOSED = "closed", _("Closed")


OPEN_INTERESTS = [InterestStatus.REQUESTED, InterestStatus.FORWARDED]


class Interest(AboutARecord, Brokered):
    """A member enterprise's interest in a technology, enterprise, expert or institution, a
    short message the secretariat forwards to the record's owner. Interest in a project is an
    ``Introduction`` instead: a project and an enterprise are the pair introductions broker."""

    enterprise = models.ForeignKey(
        "databases.Enterprise",
        verbose_name=_("interested enterprise"),
        on_delete=models.CASCADE,
        related_name="interests",
    )
    message = models.TextField(_("message"), max_length=2000)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=InterestStatus.choices,
        default=InterestStatus.REQUESTED,
    )
    staff_note = models.TextField(_("note to the owner"), blank=True)

    class Meta:
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        ordering = ["-created_at"]
        constraints = [
            # One open interest per enterprise and record: expressing it twice does not make two.
            models.UniqueConstraint(
                fields=["content_type", "object_id", "enterprise"],
                condition=Q(status__in=OPEN_INTERESTS),
                name="matchmaking_one_open_interest",
            ),
        ]
        indexes = [
            # The staff queue: interests waiting to be forwarded, oldest first.
            models.Index(fields=["status", "created_at"], name="interest_queue_idx"),
        ]

    def __str__(self):
        return f"{self.enterprise} → {self.record}"


# Weights learned from members' feedback (matchmaking/learning.py) ----------------------------


class WeightStatus(models.TextChoices):
    NOT_FITTED = "unfitted", _("Not fitted")
    CANDIDATE = "candidate", _("Candidate")
    LIVE = "live", _("Live")
    RETIRED = "retired", _("Retired")


class FitTrigger(models.TextChoices):
    SCHEDULE = "schedule", _("Schedule")
    STAFF = "staff", _("Started by staff")
    COMMAND = "command", _("Command")


class FitDecision(models.TextChoices):
    MADE_LIVE = "live", _("Made live: at least as good as the weights it was compared with")
    WORSE_HELD_BACK = "worse_held_back", _("Kept out: worse on held-back feedback")
    WORSE_REAL_DATA = "worse_real_data", _("Kept out: worse on the real-data set")
    SUPERSEDED = "superseded", _("Kept out: other weights went live while it was fitted")
    TOO_LITTLE = "too_little", _("Not fitted: too little feedback")
    NO_SIGNAL = "no_signal", _("Not fitted: no criterion speaks for the relevant matches")


class WeightSetQuerySet(models.QuerySet):
    def live(self):
        """The set the engine uses (None: the defaults of matchmaking/weights.py)."""
        return self.filter(status=WeightStatus.LIVE).first()


class WeightSet(models.Model):
    """The criteria's weights fitted from members' feedback, with what they were fitted on,
    how they compared with the weights in use, and whether they were made live.

    ``figures`` holds what the decision was based on: ``held_back`` (the ROC AUC of this set's
    scores and of the compared weights' on the newest feedback, which the fit did not see) and
    ``real_data`` (recall@1, recall@10 and MRR per task of matchmaking/realdata.py, for both;
    absent when no dataset is configured).
    """

    weights = models.JSONField(_("weights"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=WeightStatus.choices, default=WeightStatus.CANDIDATE
    )
    decision = models.CharField(_("decision"), max_length=20, choices=FitDecision.choices)
    trigger = models.CharField(_("trigger"), max_length=10, choices=FitTrigger.choices)
    fitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("fitted by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    fitted_at = models.DateTimeField(_("fitted"), auto_now_add=True)
    pairs = models.PositiveIntegerField(_("labelled pairs"), default=0)
    positives = models.PositiveIntegerField(_("relevant"), default=0)
    negatives = models.PositiveIntegerField(_("not relevant"), default=0)
    accounts = models.PositiveIntegerField(_("accounts"), default=0)
    capped_accounts = models.PositiveIntegerField(_("accounts capped"), default=0)
    compared_with = models.ForeignKey(
        "self",
        verbose_name=_("compared with"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    # What ``compared_with`` held then, or the defaults when it is empty: they may change.
    compared_weights = models.JSONField(_("compared weights"), default=dict, blank=True)
    figures = models.JSONField(_("figures"), default=dict, blank=True)
    live_since = models.DateTimeField(_("live since"), null=True, blank=True)
    retired_at = models.DateTimeField(_("retired"), null=True, blank=True)
    retired_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("retired by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )

    objects = WeightSetQuerySet.as_manager()

    class Meta:
        verbose_name = _("matchmaking weight set")
        verbose_name_plural = _("matchmaking weight sets")
        ordering = ["-fitted_at", "-pk"]
        constraints = [
            # The engine uses one set: making another live fails on this index. It is also the
            # index of WeightSet.objects.live().
            models.UniqueConstraint(
                fields=["status"],
                condition=Q(status=WeightStatus.LIVE),
                name="matchmaking_one_live_weight_set",
            ),
        ]
        indexes = [
            # The admin's list, newest first, filtered by status.
            models.Index(fields=["status", "-fitted_at"], name="weightset_status_idx"),
        ]

    def __str__(self):
        return f"#{self.pk} {self.get_status_display()}"
