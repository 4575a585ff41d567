"""Keeping what an interview gathered: the case file at the end, a draft when it stops early, and how to resume.

The CLI hands a :class:`Sitting` its settings and a dialogue; the sitting runs
the interview, saves what was answered whatever happens, and tells the CLI how
it ended (the case, or an exception: ``KeyboardInterrupt`` or
:class:`InputEnded`).  Messages go to ``say`` (standard error).
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from pathlib import Path

from zgrongcuo.errors import ZgError
from zgrongcuo.interview.dialogue import Dialogue
from zgrongcuo.interview.replies import split_note, yes_no
from zgrongcuo.interview.session import Interview
from zgrongcuo.load import case_writer
from zgrongcuo.load.files import free_name, write_new
from zgrongcuo.model.case import Case
from zgrongcuo.model.criteria import Criteria
from zgrongcuo.text.catalogue import DEFAULT_LANGUAGE, text


class InputEnded(Exception):
    """The answers ran out before the interview was finished (the draft is saved and the user told)."""


class Sitting:
    """One run of ``zgrongcuo ask``: the interview, and the files it leaves."""

    def __init__(
        self,
        criteria: Criteria,
        start: Case,
        lang: str,
        *,
        say: Callable[[str], None],
        report: Callable[[ZgError], None],
        criteria_spec: str | None = None,
        case_file: str | None = None,
        save: str | None = None,
        force: bool = False,
        everything: bool = False,
        meta: bool | None = None,
        format_name: str = "text",
    ) -> None:
        self.criteria, self.lang = criteria, lang
        self.say, self.report = say, report
        self.criteria_spec = criteria_spec
        self.case_file, self.save, self.force = case_file, save, force
        self.everything, self.format_name = everything, format_name
        self.interview = Interview(criteria, start, lang, everything=everything, ask_meta=meta)

    def run(self, io: Dialogue, *, piped: bool) -> Case:
        """Ask, save, and give the finished case; a draft is kept if it stops early."""
        lang = self.lang
        try:
            overwrite = self.force
            if self.save is not None and Path(self.save).exists() and not self.force:
                overwrite = self._confirm(io, text("ask.overwrite_prompt", lang, file=self.save))
                if not overwrite:
                    raise ZgError("file_exists", file=self.save)
            self.interview.run(io)
        except KeyboardInterrupt:
            self.say("")
            self.say(text("ask.interrupted", lang))
            self._save_draft()
            raise
        except EOFError:
            self.say(text("ask.input_ran_out" if piped else "ask.input_ended", lang))
            self._save_draft()
            raise InputEnded from None
        final = self.interview.case
        if self.save is not None:
            try:
                self._write(final, self.save, force=overwrite)
            except ZgError as error:  # e.g. the file appeared meanwhile: keep the answers all the same
                self.report(error)
                self._save_draft()
                raise InputEnded from None
            self.say(text("ask.saved", lang, file=self.save))
            final.file = self.save
        return final

    def _confirm(self, io: Dialogue, prompt: str) -> bool:
        while True:
            word, _ = split_note(io.ask(prompt))
            value = yes_no(word) if word else None
            if isinstance(value, bool):
                return value
            io.say(text("ask.hint_yesno", self.lang))

    def _write(self, case: Case, path: str, *, force: bool, draft_of: str | None = None) -> None:
        import datetime

        comments = [case_writer.header(self.criteria, self.lang, datetime.date.today().isoformat())]
        if draft_of is not None:
            comments.insert(0, text("ask.draft_header", self.lang, command=draft_of))
        json_syntax = path.lower().endswith(".json")
        data = case_writer.dumps(case, self.criteria, lang=self.lang, comments=tuple(comments), json_syntax=json_syntax)
        write_new(path, data, force=force)

    def draft_path(self) -> str:
        """Where a draft goes: the --save path if it is free, else a new name beside it (or beside --case)."""
        if self.save is not None and not Path(self.save).exists():
            return self.save
        base = Path(self.save or self.case_file or "zgrongcuo.yaml")
        # Resuming a draft and stopping again: name.draft-2.yaml, not name.draft.draft.yaml.
        base = base.with_name(re.sub(r"\.draft(-\d+)?$", "", base.stem) + (base.suffix or ".yaml"))
        return free_name(base, "draft")

    def resume_command(self, draft: str) -> str:
        """The command that takes the interview up again from ``draft``."""
        words = ["zgrongcuo", "ask", "--case", draft]
        if self.criteria_spec is not None:
            words += ["--criteria", self.criteria_spec]
        if self.lang != DEFAULT_LANGUAGE:
            words += ["--lang", self.lang]
        if self.everything:
            words.append("--all")
        if self.format_name != "text":
            words += ["--format", self.format_name]
        if self.save is not None:
            words += ["--save", self.save]
        return shlex.join(words)

    def _save_draft(self) -> None:
        """Keep what was answered: a draft never overwrites anything."""
        if not self.interview.changed:
            self.say(text("ask.nothing_to_save", self.lang))
            return
        path = self.draft_path()
        command = self.resume_command(str(path))
        try:
            self._write(self.interview.case, str(path), force=False, draft_of=command)
        except ZgError as error:
            self.report(error)
            return
        self.say(text("ask.draft_saved", self.lang, file=str(path), command=command))
