"""Pydantic models for course content: modules, course.yml and quizzes.

Content is data, so every model is frozen and rejects unknown fields: a typo such as
`titel` is an error, never a silently ignored key. Fields typed `Markdown` are rendered
as Markdown exactly once; fields typed `PlainText` are shown as text and escaped.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Literal, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Strict, StringConstraints, field_validator, model_validator

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"  # no double hyphen: generated HTML ids join parts with `--`
ID_MAX_LENGTH = 64

def _yaml_bool_as_id(value: object) -> object:
    # YAML reads a bare `true`/`false` (the natural ids of true-false choices) as booleans.
    return str(value).lower() if isinstance(value, bool) else value


Id = Annotated[
    str,
    BeforeValidator(_yaml_bool_as_id),
    StringConstraints(pattern=ID_PATTERN, max_length=ID_MAX_LENGTH),
    Field(description="Lower-case words joined by hyphens, e.g. `setting-expectations`."),
]
PLAIN_TEXT_MAX = 200
PlainText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=PLAIN_TEXT_MAX, pattern=r"^[^\n]*$"),
    Field(description="One line of plain text (not Markdown)."),
]
# Numbers, yes/no values and dates where a lax conversion would change what the course does:
# `pass_mark: yes` would be 1 % (every attempt passes), `duration: true` one minute, and
# `review_by: 1798761600` a Unix time read as 2027-01-01. YAML already gives real ints, bools and dates.
WholeNumber = Annotated[int, Strict()]
YesNo = Annotated[bool, Strict()]


def _no_number_as_date(value: object) -> object:
    if isinstance(value, (bool, int, float)):
        raise ValueError(f"expected a date such as 2027-03-31, got {str(value).lower() if isinstance(value, bool) else f'the number {value}'}")
    return value


Date = Annotated[dt.date, BeforeValidator(_no_number_as_date), Field(description="A date, year-month-day, e.g. `2027-03-31`.")]
Markdown = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    Field(description="Markdown text."),
]


class Content(BaseModel):
    """Base for every content model: immutable, strict about unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Audience(str, Enum):
    new_manager = "new-manager"
    senior_manager = "senior-manager"


class Level(str, Enum):
    foundation = "foundation"
    intermediate = "intermediate"
    advanced = "advanced"


# --- Sections -----------------------------------------------------------------------------


class WhySection(Content):
    """Why this topic matters to a front-line manager and their numbers."""

    kind: Literal["why"]
    title: PlainText = "Why it matters"
    body: Markdown


class Practice(Content):
    name: PlainText
    body: Markdown | None = None
    steps: list[Markdown] = Field(min_length=1)


class PracticesSection(Content):
    """Practices, each a name, a short explanation and concrete steps."""

    kind: Literal["practices"]
    title: PlainText = "Practices"
    intro: Markdown | None = None
    items: list[Practice] = Field(min_length=1)


class ConversationSection(Content):
    """A conversation guide: when to have it, what to say, what to ask, how to close."""

    kind: Literal["conversation"]
    title: PlainText
    when: Markdown = Field(description="The situation in which to have this conversation.")
    prepare: list[Markdown] = Field(default_factory=list)
    open: Markdown = Field(description="How to open: words a manager can actually say.")
    questions: list[Markdown] = Field(min_length=1)
    listen_for: list[Markdown] = Field(default_factory=list)
    close: Markdown
    avoid: list[Markdown] = Field(default_factory=list)


class ChecklistGroup(Content):
    title: PlainText
    items: list[Markdown] = Field(min_length=1)


class ChecklistSection(Content):
    """A printable checklist or template: either plain items or titled groups of items."""

    kind: Literal["checklist"]
    id: Id | None = Field(default=None, description="Lets hand-written pages embed it with checklist(module, id).")
    title: PlainText
    intro: Markdown | None = None
    items: list[Markdown] = Field(default_factory=list)
    groups: list[ChecklistGroup] = Field(default_factory=list)

    @model_validator(mode="after")
    def _items_or_groups(self) -> ChecklistSection:
        if bool(self.items) == bool(self.groups):
            raise ValueError("a checklist needs either `items` or `groups` (exactly one of them)")
        return self


class DecisionOption(Content):
    text: Markdown = Field(description="One thing the manager could do.")
    consequence: Markdown = Field(description="What happens if the manager chooses this.")


class Decision(Content):
    """A decision point shown before the worked answer, so the reader decides first."""

    prompt: Markdown = "What do you do?"
    options: list[DecisionOption] = Field(min_length=2, max_length=3)


class ScenarioSection(Content):
    """A realistic situation, then how an experienced manager works it through."""

    kind: Literal["scenario"]
    title: PlainText
    situation: Markdown
    decision: Decision | None = Field(default=None, description="Options and their consequences, shown before the approach (which then folds away).")
    approach: Markdown = Field(description="How a good manager works the situation through.")
    lesson: Markdown | None = None
    next_move: Markdown | None = Field(default=None, description="For a scenario that does not end well: the manager's next move.")


class Mistake(Content):
    mistake: PlainText
    instead: Markdown


class MistakesSection(Content):
    kind: Literal["mistakes"]
    title: PlainText = "Common mistakes"
    items: list[Mistake] = Field(min_length=1)


class SeniorNotesSection(Content):
    """Notes for the senior manager who assigns this module or coaches the manager taking it."""

    kind: Literal["senior-notes"]
    title: PlainText = "Notes for senior managers"
    body: Markdown | None = None
    items: list[Markdown] = Field(default_factory=list)


class Country(Content):
    name: PlainText = Field(description="The country, e.g. `United Kingdom`.")
    body: Markdown = Field(description="What differs there, in about five lines.")


class CountrySection(Content):
    """What varies by country: required in modules on hiring, onboarding, performance and managers."""

    kind: Literal["country"]
    title: PlainText = "What varies by country"
    intro: Markdown | None = None
    countries: list[Country] = Field(min_length=1)
    involve_hr: Markdown = Field(description="Plainly: when to involve HR or an employment lawyer.")


class RhythmSection(Content):
    """The operating rhythm from content/rhythm.yml as a table, with the manager's weekly hours."""

    kind: Literal["rhythm"]
    title: PlainText = "The operating rhythm"
    intro: Markdown | None = None
    meetings: list[Id] = Field(default_factory=list, description="Meeting ids from content/rhythm.yml; empty or left out: all of them.")


class TextSection(Content):
    """Free Markdown, for material that fits no other kind (a table, a worked example)."""

    kind: Literal["text"]
    title: PlainText
    body: Markdown


Section = Annotated[
    Union[
        WhySection,
        PracticesSection,
        ConversationSection,
        ChecklistSection,
        ScenarioSection,
        MistakesSection,
        SeniorNotesSection,
        TextSection,
        CountrySection,
        RhythmSection,
    ],
    Field(discriminator="kind"),
]
SECTION_KINDS = ("why", "practices", "conversation", "checklist", "scenario", "mistakes", "senior-notes", "text", "country", "rhythm")


# --- Module ------------------------------------------------------------------------------


class Reading(Content):
    title: PlainText
    source: PlainText = Field(description="Author and publication, e.g. `David Brock, Partners in EXCELLENCE blog, 2017`.")
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    note: Markdown | None = None


class Stewardship(Content):
    owner: PlainText = Field(description="Team or person responsible for keeping this module right.")
    version: Annotated[str, StringConstraints(pattern=r"^\d+(\.\d+){0,2}$")] = Field(
        description="Content version, e.g. `1.2`. Raise it when guidance changes."
    )
    last_reviewed: Date
    reviewed_by: PlainText
    review_by: Date = Field(description="Date by which the module must be reviewed again.")

    @model_validator(mode="after")
    def _review_after_last(self) -> Stewardship:
        if self.review_by < self.last_reviewed:
            raise ValueError("review_by must not be earlier than last_reviewed")
        return self


class FieldAssignment(Content):
    """Practice that leaves evidence the senior manager can see and review."""

    title: PlainText
    steps: list[Markdown] = Field(min_length=1)
    artefact: Markdown = Field(description="What it produces, e.g. a one-page 30-60-90 plan for your newest rep.")
    review_questions: list[Markdown] = Field(min_length=1, description="What the senior manager asks when reviewing it.")


class Module(Content):
    id: Id
    title: PlainText
    summary: Markdown
    audience: list[Audience] = Field(min_length=1)
    duration: WholeNumber = Field(ge=1, le=600, description="Minutes a reader needs, quiz included.")
    level: Level
    tags: list[Id] = Field(default_factory=list)
    objectives: list[Markdown] = Field(min_length=1, max_length=8)
    tomorrow: list[Markdown] | None = Field(
        default=None, min_length=3, max_length=3, description="Exactly three short things to do tomorrow morning, shown near the top."
    )
    sections: list[Section] = Field(min_length=1)
    field_assignment: FieldAssignment | None = Field(default=None, description="Shown near the end, before the takeaways.")
    takeaways: list[Markdown] = Field(min_length=1)
    related: list[Id] = Field(default_factory=list)
    further_reading: list[Reading] = Field(default_factory=list)
    stewardship: Stewardship


# --- Operating rhythm (content/rhythm.yml) -------------------------------------------------


class Frequency(str, Enum):
    weekly = "weekly"
    every_two_weeks = "every-two-weeks"
    monthly = "monthly"
    quarterly = "quarterly"


# How many times a frequency comes round in a week: a year of 52 weeks, 12 months, 4 quarters.
PER_WEEK = {Frequency.weekly: 1.0, Frequency.every_two_weeks: 0.5, Frequency.monthly: 12 / 52, Frequency.quarterly: 4 / 52}
FREQUENCY_LABELS = {
    Frequency.weekly: "Weekly",
    Frequency.every_two_weeks: "Every two weeks",
    Frequency.monthly: "Monthly",
    Frequency.quarterly: "Quarterly",
}


def _frequency_words(value: object) -> object:
    # `every two weeks` and `Every two weeks` read as the id `every-two-weeks`.
    return "-".join(value.lower().split()) if isinstance(value, str) else value


class Per(str, Enum):
    rep = "rep"
    team = "team"


class Meeting(Content):
    id: Id
    name: PlainText
    length: WholeNumber = Field(ge=5, le=480, description="Minutes the manager spends on one meeting, preparation in the room included.")
    frequency: Annotated[Frequency, BeforeValidator(_frequency_words)]
    per: Per = Field(description="`rep`: one meeting with each rep; `team`: one for the whole team.")
    purpose: PlainText = Field(description="The question this meeting answers, in one line.")
    taught_in: Id | None = Field(default=None, description="The module that teaches this meeting; the table links to it.")

    def hours_a_week(self, reps: int) -> float:
        """The manager's hours a week on this meeting for a team of `reps`."""
        count = reps if self.per is Per.rep else 1
        return self.length * count * PER_WEEK[self.frequency] / 60


class Rhythm(Content):
    """The one operating rhythm every module refers to: each recurring meeting, once."""

    team_sizes: list[Annotated[int, Strict(), Field(ge=1, le=50)]] = Field(default=[6, 8, 10], min_length=1, max_length=4)
    meetings: list[Meeting] = Field(min_length=1)


# --- Course ------------------------------------------------------------------------------


class Track(Content):
    id: Id
    title: PlainText
    description: Markdown | None = None
    modules: list[Id] = Field(min_length=1)


class Course(Content):
    title: PlainText
    description: Markdown | None = None
    tracks: list[Track] = Field(min_length=1)


# --- Learning paths -------------------------------------------------------------------------


class PathStep(Content):
    module: Id
    day: WholeNumber = Field(ge=1, le=730, description="Due this many days after the path starts (e.g. 30 for 'by day 30').")
    target: PlainText | None = Field(default=None, description="How the due date reads, e.g. `By the end of week 1`; default `By day N`.")
    why: Markdown | None = Field(default=None, description="Why this module comes at this point.")
    when: PlainText | None = Field(
        default=None,
        description="A condition for a step that applies only in some situations, completing the sentence "
        "'Only when ...', e.g. `a seat is open`. The step keeps its day: the date it is due once the condition holds.",
    )
    artefact: PlainText | None = Field(
        default=None,
        description="What the learner brings to their manager from this step. Leave it out to use the title of the "
        "module's field assignment; set it when the path asks for something else (a senior manager modelling the practice).",
    )

    @field_validator("when")
    @classmethod
    def _when_reads_as_condition(cls, value: str | None) -> str | None:
        if value is not None and value.lower().startswith(("when ", "if ", "only ")):
            raise ValueError("write the condition only, e.g. `a seat is open`: the page adds 'Only when'")
        return value

    def artefact_of(self, module: Module) -> str | None:
        """The artefact this step produces: its own, else the module's field assignment, else None."""
        if self.artefact:
            return self.artefact
        return module.field_assignment.title if module.field_assignment else None


class LearningPath(Content):
    """An ordered selection of modules with targets, e.g. a new manager's first 90 days."""

    id: Id
    title: PlainText
    audience: list[Audience] = Field(min_length=1)
    description: Markdown
    steps: list[PathStep] = Field(min_length=1)

    @field_validator("steps")
    @classmethod
    def _days_in_order(cls, steps: list[PathStep]) -> list[PathStep]:
        days = [step.day for step in steps]
        if days != sorted(days):
            raise ValueError("steps must be in order of their `day`")
        return steps


# --- Role-play kits ---------------------------------------------------------------------


class ManagerBrief(Content):
    """What the person playing the manager reads: one printed page."""

    goal: Markdown = Field(description="What the manager wants to leave the room with.")
    you_know: list[Markdown] = Field(min_length=1, max_length=6, description="Facts the manager has before the meeting.")
    plan: list[Markdown] = Field(min_length=2, max_length=6, description="How to run the conversation, in order.")
    opening: Markdown = Field(description="A first line the manager could say, in their own words.")
    avoid: list[Markdown] = Field(min_length=1, max_length=4)


class Reaction(Content):
    move: Markdown = Field(description="What the manager does, e.g. `Opens with dated facts and then asks how you see it`.")
    reaction: Markdown = Field(description="How the rep responds to it.")


class RepBrief(Content):
    """What the person playing the rep reads, and the manager must not: one printed page."""

    who: Markdown = Field(description="Who you are playing and how you feel walking in.")
    you_know: list[Markdown] = Field(min_length=1, max_length=6, description="What the rep knows, including what they do not say at first.")
    you_want: list[Markdown] = Field(min_length=1, max_length=4)
    good_moves: list[Reaction] = Field(min_length=2, max_length=4, description="How to react when the manager does well.")
    weak_moves: list[Reaction] = Field(min_length=2, max_length=4, description="How to react when the manager does badly.")


class RubricItem(Content):
    behaviour: PlainText = Field(description="Something an observer can see or hear, e.g. `Opens with facts, not a verdict`.")
    good: Markdown = Field(description="What it looks like done well.")
    weak: Markdown = Field(description="What it looks like done weakly.")


class Rubric(Content):
    """The observer's sheet: behaviours to watch, with room to write what was said."""

    behaviours: list[RubricItem] = Field(min_length=4, max_length=6)
    debrief: list[Markdown] = Field(min_length=1, max_length=4, description="How to run the debrief, e.g. the manager speaks first, the observer last.")


class RolePlay(Content):
    """A role-play kit for one hard conversation of a module: three briefs, each printed alone."""

    id: Id
    module: Id = Field(description="The module whose conversation this practises.")
    title: PlainText
    summary: Markdown = Field(description="One or two sentences everyone reads first: who meets whom, and why.")
    minutes: WholeNumber = Field(ge=5, le=60, description="Length of one round of the conversation.")
    manager: ManagerBrief
    rep: RepBrief
    observer: Rubric


# --- Quiz --------------------------------------------------------------------------------


class QuestionKind(str, Enum):
    single = "single"
    multiple = "multiple"
    true_false = "true-false"
    scenario = "scenario"


class Choice(Content):
    id: Id
    text: Markdown
    correct: YesNo = False
    feedback: Markdown | None = Field(default=None, description="Shown when this choice was picked.")


class Question(Content):
    id: Id = Field(description="Stable id: saved progress refers to it. Do not reuse for a different question.")
    kind: QuestionKind
    scenario: Markdown | None = Field(default=None, description="The situation, for `scenario` questions.")
    prompt: Markdown
    choices: list[Choice] = Field(min_length=2)
    explanation: Markdown
    objective: int | None = Field(
        default=None, ge=1, strict=True,
        description="Which of the module's objectives this item checks: 1 for the first, 2 for the second, ...",
    )
    diagnostic: YesNo = Field(
        default=False,
        description="Asked in the Start here diagnostic (\"Where should I start?\"): one or two items per module.",
    )

    @model_validator(mode="after")
    def _shape(self) -> Question:
        correct = sum(choice.correct for choice in self.choices)
        if correct == 0:
            raise ValueError("no choice is marked correct")
        if self.kind is not QuestionKind.multiple and correct > 1:
            raise ValueError(f"{correct} choices are marked correct; a {self.kind.value} question needs exactly one")
        if self.kind is QuestionKind.scenario and not self.scenario:
            raise ValueError("a scenario question needs a `scenario` text")
        if self.kind is not QuestionKind.scenario and self.scenario:
            raise ValueError(f"`scenario` is only for scenario questions, not {self.kind.value}")
        if self.kind is QuestionKind.true_false and len(self.choices) != 2:
            raise ValueError("a true-false question has exactly two choices")
        return self


class Quiz(Content):
    module: Id
    pass_mark: WholeNumber = Field(default=80, ge=0, le=100, description="Percentage needed to pass.")
    questions: list[Question] = Field(min_length=1)
    review: list[Question] = Field(
        default_factory=list,
        description="Items kept out of the main quiz and asked again in spaced reviews after the module is passed.",
    )


SCHEMAS: dict[str, type[Content]] = {"module": Module, "course": Course, "quiz": Quiz, "path": LearningPath, "rhythm": Rhythm, "roleplay": RolePlay}
