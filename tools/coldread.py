"""The cold-reader check of the quizzes: can someone who has not studied a module pass its self-check?

    python tools/coldread.py sheets OUT_DIR KEY.json    # one answer sheet per quiz, and its key apart
    python tools/coldread.py score KEY.json ANSWERS.json

`sheets` writes `OUT_DIR/<module>.md` for every quiz: the main questions with their scenario and
prompt, and the choices relabelled A, B, C... in a shuffled order (true-false keeps True, False),
with no key, feedback or explanation. Give the sheets to a reader who has not opened the course (a
capable seller without management training, or a fresh language-model session told to answer as
one) and collect their answers as `{"<module>": {"Q1": ["C"], ...}}`. `score` marks them as the quiz
page does (all or nothing per item, rounded percentage) against each quiz's pass mark. A quiz that
such a reader passes tests good sense, not the module: rewrite it (README, "Quizzes").
The key stays out of the reader's sight; the shuffle is fixed by the module id, so a rerun on the
same quizzes gives the same sheets.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import string
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros import schema  # noqa: E402
from macros.catalog import load_catalog  # noqa: E402


def sheets(root: Path, out: Path, key_file: Path) -> None:
    catalog, errors = load_catalog(root)
    if catalog is None or errors:
        sys.exit("the course has errors: run `python -m macros check` first")
    out.mkdir(parents=True, exist_ok=True)
    key: dict[str, dict[str, object]] = {}
    for module_id, quiz in catalog.quizzes.items():
        shuffle = random.Random(module_id)
        lines = [f"# Quiz: {catalog.module(module_id).title}   (pass mark {quiz.pass_mark}%)", ""]
        items: dict[str, list[str]] = {}
        for number, question in enumerate(quiz.questions, 1):
            choices = list(question.choices)
            if question.kind is not schema.QuestionKind.true_false:
                shuffle.shuffle(choices)
            many = question.kind is schema.QuestionKind.multiple
            lines.append(f"## Q{number}  ({'choose ALL that apply' if many else 'choose one'})")
            lines += [text.strip() for text in (question.scenario, question.prompt) if text]
            lines += [f"  {string.ascii_uppercase[n]}. {choice.text.strip()}" for n, choice in enumerate(choices)]
            lines.append("")
            items[f"Q{number}"] = sorted(string.ascii_uppercase[n] for n, choice in enumerate(choices) if choice.correct)
        (out / f"{module_id}.md").write_text("\n".join(lines), encoding="utf-8")
        key[module_id] = {"pass_mark": quiz.pass_mark, "items": items}
    key_file.write_text(json.dumps(key, indent=1), encoding="utf-8")
    print(f"{len(key)} answer sheets in {out}/, their key in {key_file}")


def score(key_file: Path, answers_file: Path) -> int:
    key = json.loads(key_file.read_text(encoding="utf-8"))
    answers = json.loads(answers_file.read_text(encoding="utf-8"))
    passed = 0
    for module_id, given in sorted(answers.items()):
        items = key[module_id]["items"]
        right = [q for q, correct in items.items() if sorted(given.get(q, [])) == correct]
        percent = math.floor(100 * len(right) / len(items) + 0.5)
        ok = percent >= key[module_id]["pass_mark"]
        passed += ok
        missed = ", ".join(q for q in items if q not in right) or "none"
        print(f"{module_id:34} {len(right):2}/{len(items)} = {percent:3}%  {'PASSED' if ok else 'failed'}  missed: {missed}")
    print(f"passed {passed} of {len(answers)} quizzes without studying")
    return passed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("sheets", help="answer sheets without keys, and the key apart")
    make.add_argument("out", type=Path)
    make.add_argument("key", type=Path)
    make.add_argument("--root", type=Path, default=Path("."))
    mark = commands.add_parser("score", help="mark a reader's answers")
    mark.add_argument("key", type=Path)
    mark.add_argument("answers", type=Path)
    args = parser.parse_args()
    if args.command == "sheets":
        sheets(args.root, args.out, args.key)
    else:
        score(args.key, args.answers)


if __name__ == "__main__":
    main()
