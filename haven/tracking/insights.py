"""Insights in plain words beside the charts: each a typed value with the numbers and one sentence.

They describe patterns in the person's own entries, never causes, and always say how many days they rest on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from haven.tracking.frames import TrackingData
from haven.tracking.instruments import get_instrument
from haven.tracking.series import ExerciseEffect, TagComparison, compare_tags, emotion_counts, exercise_effects

CAUTION = (
    "These are patterns in your own entries, not proof of what causes what. They can be a good starting "
    "point for trying things out."
)
GOOD_SLEEP_HOURS = 7.0


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def _score(value: float) -> str:
    """A mean as a person would say it: "5", not "5.0"; "6.5" keeps its one decimal."""
    return f"{round(value, 1):g}"


@dataclass(frozen=True)
class MoodSummary:
    days_logged: int
    days_in_period: int
    check_ins: int
    mean_mood: float
    first_half_mean: float | None
    second_half_mean: float | None

    @property
    def sentence(self) -> str:
        text = (
            f"You checked in on {self.days_logged} of {self.days_in_period} days; "
            f"your mood averaged {self.mean_mood:.1f}."
        )
        if self.first_half_mean is not None and self.second_half_mean is not None:
            text += (
                f" In the second half of the period it averaged {self.second_half_mean:.1f}, "
                f"against {self.first_half_mean:.1f} in the first."
            )
        return text


@dataclass(frozen=True)
class TagInsight(TagComparison):
    """A tag comparison, said in plain words."""

    @property
    def sentence(self) -> str:
        return (
            f'On days tagged "{self.tag}", your mood averaged {self.mean_with:.1f}, against '
            f"{self.mean_without:.1f} on days without it ({_days(self.days_with)} and {_days(self.days_without)})."
        )


@dataclass(frozen=True)
class SleepInsight:
    mean_good_sleep: float
    mean_short_sleep: float
    days_good_sleep: int
    days_short_sleep: int
    threshold: float = GOOD_SLEEP_HOURS

    @property
    def sentence(self) -> str:
        return (
            f"After {self.threshold:g} or more hours of sleep your mood averaged {self.mean_good_sleep:.1f}, "
            f"against {self.mean_short_sleep:.1f} after less ({_days(self.days_good_sleep)} and "
            f"{_days(self.days_short_sleep)})."
        )


@dataclass(frozen=True)
class EmotionInsight:
    top: tuple[tuple[str, int], ...]

    @property
    def sentence(self) -> str:
        named = [f"{emotion} ({count} time{'s' if count != 1 else ''})" for emotion, count in self.top]
        listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
        return f"The emotions you named most often were {listed}."


@dataclass(frozen=True)
class ExerciseInsight(ExerciseEffect):
    """An exercise's before/after effect, with its title, said in plain words."""

    title: str = ""

    @property
    def sentence(self) -> str:
        """One plain sentence: a single run is told as what happened, several as an average, and no change
        as where distress stayed ("stayed at 5", never "stayed from 5.0 to 5.0")."""
        before, after = _score(self.mean_before), _score(self.mean_after)
        if self.runs == 1:
            if before == after:
                return f"The one time you did {self.title}, your distress stayed at {before} out of 10."
            return f"The one time you did {self.title}, your distress went from {before} to {after} out of 10."
        if before == after:
            return (
                f"Across the {self.runs} times you did {self.title}, your distress stayed at about {before} "
                "out of 10."
            )
        verb = "went down" if self.change < 0 else "went up"
        return (
            f"Across the {self.runs} times you did {self.title}, your distress {verb} from {before} to {after} "
            "out of 10 on average."
        )


@dataclass(frozen=True)
class QuestionnaireInsight:
    instrument: str
    name: str
    first_total: int
    first_band: str
    last_total: int
    last_band: str
    results: int
    higher_is_better: bool

    @property
    def sentence(self) -> str:
        better = "higher" if self.higher_is_better else "lower"
        return (
            f"Your {self.name} went from {self.first_total} ({self.first_band}) to {self.last_total} "
            f"({self.last_band}) over {self.results} check-ups; {better} is better."
        )


@dataclass(frozen=True)
class Insights:
    mood: MoodSummary | None
    tags: list[TagInsight] = field(default_factory=list)
    sleep: SleepInsight | None = None
    emotions: EmotionInsight | None = None
    exercises: list[ExerciseInsight] = field(default_factory=list)
    questionnaires: list[QuestionnaireInsight] = field(default_factory=list)
    caution: str = CAUTION

    def sentences(self) -> list[str]:
        """Every insight as a sentence, in the order the page shows them."""
        parts = [self.mood, *self.tags, self.sleep, self.emotions, *self.exercises, *self.questionnaires]
        return [part.sentence for part in parts if part is not None]


def mood_summary(data: TrackingData) -> MoodSummary | None:
    check_ins = data.check_ins
    if check_ins.empty:
        return None
    daily = check_ins.groupby("day")["mood"].mean()
    first_day, last_day = data.first_day, data.period.end
    span = (last_day - first_day).days + 1
    middle = pd.Timestamp(first_day) + pd.Timedelta(days=span // 2)
    first, second = daily[daily.index < middle], daily[daily.index >= middle]
    halves = (float(first.mean()), float(second.mean())) if len(first) >= 3 and len(second) >= 3 else (None, None)
    return MoodSummary(len(daily), span, len(check_ins), float(daily.mean()), *halves)


def tag_insights(check_ins: pd.DataFrame, min_days: int = 3, limit: int = 5) -> list[TagInsight]:
    """Tags whose days differ most in mood, with at least ``min_days`` days with and without."""
    return [
        TagInsight(c.tag, c.mean_with, c.mean_without, c.days_with, c.days_without)
        for c in compare_tags(check_ins, min_days)[:limit]
    ]


def sleep_insight(check_ins: pd.DataFrame, min_days: int = 3) -> SleepInsight | None:
    """Mood on days after enough sleep against days after less, when both have ``min_days`` days."""
    if check_ins.empty:
        return None
    daily = check_ins.groupby("day").agg(mood=("mood", "mean"), sleep=("sleep_hours", "max")).dropna()
    good = daily[daily["sleep"] >= GOOD_SLEEP_HOURS]["mood"]
    short = daily[daily["sleep"] < GOOD_SLEEP_HOURS]["mood"]
    if len(good) < min_days or len(short) < min_days:
        return None
    return SleepInsight(float(good.mean()), float(short.mean()), len(good), len(short))


def emotion_insight(check_ins: pd.DataFrame, top: int = 3) -> EmotionInsight | None:
    counts = emotion_counts(check_ins)
    if counts.empty:
        return None
    return EmotionInsight(tuple((str(name), int(n)) for name, n in counts.head(top).items()))


def exercise_insights(runs: pd.DataFrame, titles: dict[str, str] | None = None) -> list[ExerciseInsight]:
    titles = titles or {}
    return [
        ExerciseInsight(
            exercise_id=e.exercise_id,
            runs=e.runs,
            mean_before=e.mean_before,
            mean_after=e.mean_after,
            title=titles.get(e.exercise_id, e.exercise_id.replace("-", " ")),
        )
        for e in exercise_effects(runs)
    ]


def questionnaire_insights(assessments: pd.DataFrame) -> list[QuestionnaireInsight]:
    """First and latest result of each questionnaire taken at least twice in the period."""
    insights = []
    if assessments.empty:
        return insights
    for key, rows in assessments.groupby("instrument", sort=True):
        if len(rows) < 2:
            continue
        instrument = get_instrument(str(key))
        first, last = rows.iloc[0], rows.iloc[-1]
        insights.append(
            QuestionnaireInsight(
                instrument.id, instrument.name, int(first["total"]), str(first["band"]),
                int(last["total"]), str(last["band"]), len(rows), instrument.higher_is_better,
            )
        )  # fmt: skip
    return insights


def build_insights(data: TrackingData, titles: dict[str, str] | None = None) -> Insights:
    """Every insight for the period, each with its plain-words sentence."""
    return Insights(
        mood=mood_summary(data),
        tags=tag_insights(data.check_ins),
        sleep=sleep_insight(data.check_ins),
        emotions=emotion_insight(data.check_ins),
        exercises=exercise_insights(data.exercise_runs, titles),
        questionnaires=questionnaire_insights(data.assessments),
    )
