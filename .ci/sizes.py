#!/usr/bin/env python3
"""Sizes: no function over 60 lines and no source file over 400 lines under src/.

A function runs from its `fn` line to the first closing brace at the same
indentation (a one-line function counts one line; a bodiless trait method,
none). Files are counted as `wc -l` does. Prints each offender as
`path:line: what` and exits 1 if there is any, 0 otherwise.

Paths under an allowed prefix are skipped (they are being reworked elsewhere),
except the ones named in CHECKED_ANYWAY. Usage:

    .ci/sizes.py [--allow PREFIX]... [--no-default-allow] [ROOT]...

ROOT defaults to src, relative to the repository.
"""

import argparse
import os
import re
import sys

MAX_FN = 60
MAX_FILE = 400

# Nothing is skipped by default now; --allow is for a tree being reworked on a branch.
DEFAULT_ALLOW = []
CHECKED_ANYWAY = set()

FN = re.compile(
    r"^(?P<indent>\s*)"
    r"(?:pub(?:\([^)]*\))?\s+)?"
    r"(?:default\s+)?(?:const\s+)?(?:async\s+)?(?:unsafe\s+)?"
    r'(?:extern\s+(?:"[^"]*"\s+)?)?'
    r"fn\s+(?P<name>\w+)"
)


def closes(text, closing):
    """Whether a line is the brace at `closing`'s indentation (maybe `};` or `},`)."""
    return text.startswith(closing) and not text[len(closing):len(closing) + 1].isspace()


def functions(lines):
    """Yield (name, first line number, length in lines) for each fn with a body."""
    for start, line in enumerate(lines):
        match = FN.match(line)
        if not match:
            continue
        closing = match.group("indent") + "}"
        for head in range(start, len(lines)):
            code = lines[head].split("//")[0].rstrip()
            if "{" in code:
                break
            if code.endswith(";"):
                head = None  # a declaration without a body
                break
        if head is None:
            continue
        if head == start and code.endswith("}"):
            yield match.group("name"), start + 1, 1
            continue
        for end in range(head + 1, len(lines)):
            if closes(lines[end].rstrip(), closing):
                yield match.group("name"), start + 1, end - start + 1
                break


def offenders(root, allow):
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for file in sorted(files):
            if not file.endswith(".rs"):
                continue
            path = os.path.join(folder, file).replace(os.sep, "/")
            if path not in CHECKED_ANYWAY and any(path.startswith(p) for p in allow):
                continue
            with open(path, encoding="utf-8") as source:
                lines = source.read().split("\n")
            count = len(lines) - 1 if lines and lines[-1] == "" else len(lines)
            if count > MAX_FILE:
                yield f"{path}:1: file of {count} lines (over {MAX_FILE})"
            for name, line, length in functions(lines):
                if length > MAX_FN:
                    yield f"{path}:{line}: fn {name} of {length} lines (over {MAX_FN})"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("roots", nargs="*", default=["src"], metavar="ROOT")
    parser.add_argument("--allow", action="append", default=[], metavar="PREFIX",
                        help="skip paths starting with PREFIX")
    parser.add_argument("--no-default-allow", action="store_true",
                        help=f"check {', '.join(DEFAULT_ALLOW)} too")
    args = parser.parse_args()
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    allow = args.allow + ([] if args.no_default_allow else DEFAULT_ALLOW)
    found = [o for root in args.roots for o in offenders(root, allow)]
    for offender in found:
        print(offender)
    print(f"sizes: {len(found)} over the limits "
          f"(fn {MAX_FN}, file {MAX_FILE} lines)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
