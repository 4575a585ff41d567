"""Keeping what an interview gathered: the case file at the end, a draft when it stops early, and how to resume.

Every interview ends in a case file unless the user said ``--no-save``: the
``--save`` file, the resumed ``--case`` file (updated in place), or a new
file in the current folder named after the case id.  Whatever can be checked
about that file is checked by ``prepare``, before the first question, so
that nothing typed is lost to a path that cannot be written; a draft goes to
the first of the intended path, a new name beside it, and the home folder
that takes it.

The CLI hands a :class:`Sitting` its settings and a dialogue; the sitting runs
the interview, saves what was answered whatever happens, and tells the CLI how
it ended (the case, or an exception: ``KeyboardInterrupt`` or
:class:`InputEnded`).  Messages go to ``say`` (standard error); the line that
names the saved file waits for ``close``, so that it is the last on the screen.
"""

from __future__ import annotations

import os
import re
import shlex
from collections.abc import Callable
from datetime import datetime

from zgrongcuo.errors import UsageError, ZgError
from zgrongcuo.interview.dialogue import LINE_LIMIT, Dialogue, LineTooLong
from zgrongcuo.interview.session import Interview, RepliesUnusable
from zgrongcuo.io import case_writer
from zgrongcuo.io.files import MAX_BYTES, free_name, unused, unwritable, write_new
from zgrongcuo.io.measures import reference
from zgrongcuo.model.case import Case
from zgrongcuo.model.criteria import Criteria, Questions
from zgrongcuo.text.catalogue import DEFAULT_LANGUAGE, text
from zgrongcuo.text.escape import file_stem, quoted, quoted_params


def _named_ids(case: Case, asked: Questions) -> tuple[str, ...]:
    """The ids of the measures asked for now that a resumed case's file names: its answers were given for those."""
    from zgrongcuo.io.measures import resolve

    named = set()
    for ref in case.measures or ():
        try:
            named.add(os.path.realpath(resolve(ref)))
        except ZgError:
            continue
    return tuple(m.id for m in asked.measures if os.path.realpath(m.path) in named)


class InputEnded(Exception):
    """The answers ran out before the interview was finished (the draft is saved and the user told)."""


def unnamed(started: datetime) -> str:
    """The name of a case without an id, from when its interview began: ``zgrongcuo-20261202-1405``."""
    return f"zgrongcuo-{started:%Y%m%d-%H%M}"


def same_file(a: str, b: str) -> bool:
    """Whether two paths name one file (by what they point to, for files that do not exist yet)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


class _Verbatim(str):
    """Text to be copied as it is (a case file shown when it could be saved nowhere)."""


def shell_word(word: str) -> str:
    """``word`` as a POSIX shell reads it back exactly, in characters that are safe to show.

    A path with a control or bidirectional character, or an undecodable byte,
    is written in the ANSI-C quotes of bash and zsh (``$'a\\x1bb'``): the
    printed command neither acts on the terminal nor names another file.
    """
    if quoted(word) == word:
        return shlex.quote(word)
    out = []
    for ch in word:
        if ch in "'\\":
            out.append("\\" + ch)
        elif quoted(ch) == ch:
            out.append(ch)
        elif "\udc80" <= ch <= "\udcff":  # an undecodable byte of a file name: that byte
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        else:
            out.extend(f"\\x{byte:02x}" for byte in ch.encode("utf-8", "surrogatepass"))
    return "$'" + "".join(out) + "'"


class Sitting:
    """One run of ``zgrongcuo ask``: the interview, and the files it leaves.

    ``questions`` are those of the measures asked for; the case file and every draft name them
    (``measures:``), so that a draft is read back, and resumed, with every answer it holds.
    """

    def __init__(
        self,
        questions: Criteria | Questions,
        start: Case,
        lang: str,
        *,
        say: Callable[[str], None],
        say_verbatim: Callable[[str], None] | None = None,
        report: Callable[[ZgError], None],
        case_file: str | None = None,
        save: str | None = None,
        no_save: bool = False,
        force: bool = False,
        everything: bool = False,
        meta: bool | None = None,
        format_name: str = "text",
        document: str = "opinion",
        output: str | None = None,
        detail: bool = False,
        quiet: bool = False,
        max_bytes: int = MAX_BYTES,
        kept_comments: tuple[str, ...] = (),
        started: datetime | None = None,
    ) -> None:
        self.questions = questions if isinstance(questions, Questions) else Questions.single(questions)
        self.lang = lang
        self.say, self.report = say, report
        self.say_verbatim = say_verbatim or say  # for text to be copied as it is: never laid out anew
        self.case_file, self.save, self.no_save, self.force = case_file, save, no_save, force
        self.everything, self.format_name, self.output = everything, format_name, output
        self.document = document  # the paper the determination is shown as (--document): the resume command repeats it
        self.detail, self.quiet = detail, quiet  # how the determination is shown: the resume command repeats them
        self.max_bytes, self.kept_comments = max_bytes, kept_comments
        self.started = started or datetime.now()
        # Where the case goes: a path named before the interview, or None for a new file named after the case id.
        self.target: str | None = None
        self.in_place = False  # the target is the resumed file, updated in place
        self.replaces = False  # the target is another existing file, replaced at the end (--force)
        self.closing: list[str] = []  # said by close(): the saved file's path, last on the screen
        self.failed = False  # the case could not be saved where it was meant to go
        if meta is None:
            meta = case_file is None  # a resumed case goes straight to its questions: a pipe never shifts
        self.interview = Interview(
            self.questions,
            start,
            lang,
            everything=everything,
            ask_meta=meta,
            fits=self.fits,
            max_bytes=max_bytes,
            after_meta=self._announce_name,
            answered_for=_named_ids(start, self.questions),
        )
        # The file says which measures it was answered for: those it is asked against now.
        self.interview.case.measures = tuple(reference(m.path, m.id) for m in self.questions.measures)

    def t(self, msg_id: str, **params: object) -> str:
        """A message of the catalogue; the paths and commands in it quoted as every message quotes them."""
        return text(msg_id, self.lang, **quoted_params(params))

    # -- before the first question

    def prepare(self) -> None:
        """Choose where the case goes and make sure it can be written there: a ``UsageError`` before any question."""
        if self.no_save:
            return
        if self.save is not None:
            self.target = self.save
            self.in_place = self.case_file is not None and same_file(self.save, self.case_file)
        elif self.case_file is not None:
            self.target, self.in_place = self.case_file, True
        if self.target is None:
            problem = unwritable(os.path.join(".", "zgrongcuo-probe.yaml"), replace=True)
            if problem is not None:
                raise UsageError("ask.save_here", file=os.getcwd(), detail=problem[1] or problem[0])
            return
        self.replaces = not self.in_place and os.path.lexists(self.target)
        path = self.write_path()
        problem = unwritable(path, replace=self.in_place or self.force)
        if problem is not None:
            reason, detail = problem
            if reason == "not_regular":
                raise UsageError("ask.save_not_regular", file=self.target, kind=detail)
            raise UsageError("ask.save_" + reason, file=self.target, detail=detail)

    def write_path(self) -> str:
        """Where the file is written: the resumed file's real path, so that a link to it stays a link."""
        assert self.target is not None
        return os.path.realpath(self.target) if self.in_place else self.target

    def announce(self) -> None:
        """Say at the start where the answers will be kept."""
        if self.no_save:
            self.say(self.t("ask.no_save"))
        elif self.in_place:
            self.say(self.t("ask.save_in_place", file=self.target))
        elif self.target is not None:
            self.say(self.t("ask.save_over" if self.replaces else "ask.save_to", file=self.target))
        else:
            self.say(self.t("ask.save_default", example=self.default_path(self.interview.case)))

    def _announce_name(self, case: Case) -> None:
        if self.target is None and not self.no_save:
            self.say(self.t("ask.save_to", file=self.default_path(case)))

    def default_path(self, case: Case) -> str:
        """A new file in the current folder, named after the case id, else after the date and time."""
        stem = file_stem(case.meta.get("id") or "") or unnamed(self.started)
        return unused(stem + ".yaml")

    def fits(self, case: Case) -> bool:
        """Whether ``case`` saved (YAML or JSON) is within ``--max-bytes``, so that it can be read back."""
        return all(
            len(case_writer.dumps(case, self.questions, lang=self.lang, json_syntax=j).encode("utf-8")) <= self.max_bytes
            for j in (False, True)
        )

    # -- the interview, and what it leaves

    def run(self, io: Dialogue) -> Case:
        """Ask, save, and give the finished case; a draft is kept if it stops early."""
        lang = self.lang
        try:
            self.interview.introduce(io)
            self.announce()
            self.interview.run(io)
        except KeyboardInterrupt:  # Ctrl-C; the CLI also turns a hang-up (the window closed) into this
            self._stopped("", text("ask.interrupted", lang))
            raise
        except LineTooLong:
            self._stopped(text("ask.line_too_long_piped", lang, limit=LINE_LIMIT))
            raise InputEnded from None
        except RepliesUnusable as unusable:
            self._stopped(text(unusable.msg_id, lang, **unusable.params))
            raise InputEnded from None
        except EOFError:
            self._stopped(text("ask.input_ended" if io.interactive else "ask.input_ran_out", lang))
            raise InputEnded from None
        final = self.interview.case
        self._save_final(final)
        return final

    def close(self) -> None:
        """Say where the case was saved: the last line of the interview's screen."""
        for line in self.closing:
            self._said(line)

    def offer_checklist(self, case: Case) -> None:
        """After a screening that cannot decide yet: how to list what to verify, from the file the case was saved in.

        Said at the end, just before where the case was saved (the last line, as ever). Nothing when the case was
        not saved (``--no-save``, or it failed): there is no file for the command to read.
        """
        if self.no_save or self.failed or not self.closing or case.file == "-":
            return
        self.closing.insert(0, self.t("ask.offer_checklist", command=self.checklist_command(case.file)))

    def checklist_command(self, case_file: str) -> str:
        """The command that writes the 核实清单 of ``case_file`` as a Word document beside it.

        No ``--criteria``: the saved file names the measures it was asked against (``measures:``).
        """
        stem = os.path.splitext(case_file)[0]
        words = ["zgrongcuo", "check", case_file]
        if self.lang != DEFAULT_LANGUAGE:
            words += ["--lang", self.lang]
        output = unused(f"{stem}-{text('ask.checklist_file', self.lang)}.docx")
        words += ["--document", "checklist", "--format", "docx", "-o", output]
        return " ".join(shell_word(word) for word in words)

    def _save_final(self, case: Case) -> None:
        if self.no_save:
            self.closing.append(self.t("ask.not_saved"))
            return
        if self.in_place and not self.interview.changed:
            self.closing.append(self.t("ask.unchanged", file=self.target))
            case.file = self.target or case.file
            return
        for _attempt in range(3):  # a default name taken meanwhile: the next free one
            shown = self.target if self.target is not None else self.default_path(case)
            path = self.write_path() if self.target is not None else shown
            try:
                self._write(case, path, replace=self.in_place or self.force)
            except ZgError as error:
                if self.target is None and error.msg_id == "file_exists":
                    continue
                self.report(error)
                break
            self.closing.append(self.t("ask.updated" if self.in_place else "ask.saved", file=shown))
            case.file = shown
            return
        self.failed = True
        lines, errors = self._save_draft()
        for unwritten in errors:
            self.report(unwritten)
        self.closing.extend(lines)

    def _said(self, line: str) -> None:
        (self.say_verbatim if isinstance(line, _Verbatim) else self.say)(line)

    def _stopped(self, *why: str) -> None:
        """Keep a draft first, then say why and where: after a hang-up there is no terminal left to say it on."""
        lines, errors = self._save_draft()
        try:
            for line in why:
                self.say(line)
            for error in errors:
                self.report(error)
            for line in lines:
                self._said(line)
        except OSError:
            pass

    def _write(self, case: Case, path: str, *, replace: bool, draft_of: str | None = None) -> None:
        import datetime

        comments = [*self.kept_comments, case_writer.header(self.questions, self.lang, datetime.date.today().isoformat())]
        if draft_of is not None:
            comments.insert(0, text("ask.draft_header", self.lang, command=draft_of))
        json_syntax = path.lower().endswith(".json")
        data = case_writer.dumps(
            case, self.questions, lang=self.lang, comments=tuple(comments), json_syntax=json_syntax, at=path
        )
        if len(data.encode("utf-8")) > self.max_bytes:  # the comments are for reading; the answers must fit
            data = case_writer.dumps(case, self.questions, lang=self.lang, json_syntax=json_syntax, at=path)
        write_new(path, data, force=replace)

    # -- drafts

    def draft_places(self, case: Case) -> list[tuple[str, bool]]:
        """Where a draft may go, in order, and whether it may replace what is there."""
        places: list[tuple[str, bool]] = []
        if self.no_save:
            base = self.case_file or self.default_path(case)
            if self.case_file is None:
                places.append((base, False))
        elif self.in_place:
            base = self.write_path()
            places.append((base, True))
        elif self.target is not None:
            base = self.target
            if not self.replaces:  # a file the user named to be replaced keeps its content until the end
                places.append((base, False))
        else:
            base = self.default_path(case)
            places.append((base, False))
        folder, name = os.path.split(base)
        # Resuming a draft and stopping again: name.draft-2.yaml, not name.draft.draft.yaml.
        stem, suffix = os.path.splitext(name)
        plain = re.sub(r"\.draft(-\d+)?$", "", stem) + (suffix or ".yaml")
        places.append((free_name(os.path.join(folder, plain), "draft"), False))
        home = os.path.expanduser("~")
        if home != "~":
            places.append((free_name(os.path.join(home, plain), "draft"), False))
        return places

    def resume_command(self, draft: str) -> str:
        """The command that takes the interview up again from ``draft`` and saves where this one would have.

        No ``--criteria``: the draft names the measures it was asked against (``measures:``), and is resumed with them.
        """
        words = ["zgrongcuo", "ask", "--case", draft]
        if self.lang != DEFAULT_LANGUAGE:
            words += ["--lang", self.lang]
        if self.everything:
            words.append("--all")
        if not self.interview.meta_done:  # stopped among the case details: the rest are asked for again
            words.append("--meta")
        if self.format_name != "text":
            words += ["--format", self.format_name]
        if self.document != "opinion":
            words += ["--document", self.document]
        if self.output is not None:
            words += ["-o", self.output]
        if self.detail:
            words.append("--detail")
        if self.quiet:
            words.append("--quiet")
        if self.max_bytes != MAX_BYTES:
            words += ["--max-bytes", str(self.max_bytes)]
        named_elsewhere = self.replaces and self.target is not None and not same_file(draft, self.target)
        if named_elsewhere:
            words += ["--save", self.target]  # type: ignore[list-item]
        if self.force and (named_elsewhere or self.output is not None):
            words.append("--force")
        return " ".join(shell_word(word) for word in words)

    def _save_draft(self) -> tuple[list[str], list[ZgError]]:
        """Keep what was answered, wherever it can be written; what to say about it, and what could not be written."""
        case = self.interview.case
        if not self.interview.changed:
            if self.in_place and self.target is not None:
                return [self.t("ask.unchanged_resume", file=self.target, command=self.resume_command(self.target))], []
            return [self.t("ask.nothing_to_save")], []
        errors: list[ZgError] = []
        for path, replace in self.draft_places(case):
            shown = self.target if self.in_place and replace else path
            command = self.resume_command(shown or path)
            try:
                self._write(case, path, replace=replace, draft_of=command)
            except ZgError as refused:
                errors.append(refused)
                continue
            return [self.t("ask.draft_saved", file=shown, command=command)], errors
        # Nowhere to write: the answers on the screen, to be copied, rather than lost.
        body = case_writer.dumps(case, self.questions, lang=self.lang).rstrip("\n")
        return [self.t("ask.draft_nowhere"), _Verbatim(body)], errors
