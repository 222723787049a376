"""What a learner does with a self-check, step by step, for the quiz tests. Choices are picked by the
ids in the markup (data-choice, data-correct), never by position: the quiz shuffles them."""

from __future__ import annotations

from tests.conftest import Site

MODULE = "coaching"
KEY = f"frontline:v1:quiz:{MODULE}"

# A repeatable Math.random (mulberry32, seed 7) for tests that look at the order of choices.
SEEDED_RANDOM = """(() => { let t = 7; Math.random = () => { t = (t + 0x6D2B79F5) | 0;
  let r = Math.imul(t ^ t >>> 15, t | 1); r ^= r + Math.imul(r ^ r >>> 7, r | 61);
  return ((r ^ r >>> 14) >>> 0) / 4294967296; }; })();"""


def open_module(page, site: Site, module: str = MODULE):
    page.goto(f"{site.url}modules/{module}/")
    return bound_quiz(page, module)


def bound_quiz(page, module: str = MODULE):
    page.wait_for_selector(f'[data-quiz="{module}"][data-bound]')
    return page.locator(f'[data-quiz="{module}"]')


def questions(quiz) -> list:
    return quiz.locator(".fp-question").all()


def answer_right(question) -> None:
    for choice in question.locator(".fp-choice[data-correct] input").all():
        choice.check()


def answer_wrong(question) -> str:
    """Pick a wrong choice that has feedback; returns its id."""
    choice = question.locator(".fp-choice:not([data-correct]):has(.fp-choice-feedback)").first
    choice.locator("label").click()
    return choice.get_attribute("data-choice")


def answer_all_correctly(quiz) -> None:
    for question in questions(quiz):
        answer_right(question)


def order(quiz) -> dict[str, list[str]]:
    """Each question's choice ids in the order shown."""
    return {
        question.get_attribute("data-question"): question.locator(".fp-choice").evaluate_all("cs => cs.map(c => c.dataset.choice)")
        for question in questions(quiz)
    }


def check(quiz) -> None:
    quiz.get_by_role("button", name="Check answers").click()


def check_anyway(quiz) -> None:
    check(quiz)
    quiz.get_by_role("button", name="Check anyway").click()


def is_focused(locator) -> bool:
    return locator.evaluate("el => el === document.activeElement")
