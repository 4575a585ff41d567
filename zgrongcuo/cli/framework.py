"""Where the command line reaches under Typer's public API, in one module.

Typer builds the commands from the functions in ``check.py``, ``ask.py`` …;
this module gives them what Typer itself does not:

- **Help in the user's language**, laid out for Chinese. Help texts are
  declared as catalogue ids (``help="cli.opt.format"``) and worded when the
  command is built, in the language chosen for the run; the layout wraps
  Chinese between characters. Typer's Rich help panels are not used
  (``rich_markup_mode=None`` on every app): their titles and Typer's own
  strings are English constants, and the plain layout reads better at 80
  columns, where a panel's frame takes four of them.
- **Commands built only when they run**: :class:`LazyGroup` (Typer's
  documented ``cls=`` for a custom group) imports a command's module and
  turns its Typer app into a command when the command is asked for.
- **One language per run**, wherever ``--lang`` stands (:func:`chosen_language`).
- **The guard**: what escapes a command becomes a message on stderr and one
  of the documented exit codes, never a traceback (:meth:`LazyGroup.invoke`).
- **Usage errors in our words** (:func:`usage_message`), from the fields of
  Typer's exceptions where they have them; where only the English message
  says what happened, each match is pinned by a test, so that a Typer release
  that rewords it fails the suite instead of reaching a user in English.

Typer keeps its copy of Click as ``typer._click``: the help formatter, the
context and the usage errors have no public name in Typer, and the lines that
use them say so.
"""

from __future__ import annotations

import enum
import importlib
import os
import re
import sys
from collections.abc import Iterable, Sequence
from typing import Any

import typer
from typer import _click  # Typer's Click: its formatter, context and exceptions have no public name in Typer
from typer.core import TyperCommand, TyperGroup, TyperOption

from zgrongcuo import __version__
from zgrongcuo.text.catalogue import DEFAULT_LANGUAGE, LANGUAGES, has, text
from zgrongcuo.text.escape import quoted, quoted_params

HELP_OPTIONS = {"help_option_names": ["-h", "--help"]}

# Settings every Typer app of the command line takes: plain help (see above), Typer's command
# suggestions off (usage_message makes ours, in the user's language), and no Rich tracebacks
# (the guard reports errors).
APP_SETTINGS: dict[str, Any] = {
    "rich_markup_mode": None,
    "suggest_commands": False,
    "pretty_exceptions_enable": False,
    "context_settings": HELP_OPTIONS,
}


def sub_app(**settings: Any) -> typer.Typer:
    """A Typer app for a command module: built by :class:`LazyGroup`, so no completion options of its own."""
    return typer.Typer(add_completion=False, **APP_SETTINGS, **settings)


class ExitCode(enum.IntEnum):
    """Exit codes, the first that applies (README "Exit codes")."""

    OK = 0
    UNFAVOURABLE = 1  # some outcome is unfavourable: a normal result
    USAGE = 2  # a usage error, a file that cannot be loaded, input that ran out
    UNDETERMINED = 3
    INTERNAL = 70  # a bug
    INTERRUPTED = 130  # Ctrl-C
    TERMINATED = 143  # SIGTERM


# ------------------------------------------------------------ the run's state

_state: dict[str, Any] = {"lang": DEFAULT_LANGUAGE, "debug": False, "said": False}


def language() -> str:
    """The language of this run: the last ``--lang`` given anywhere, else ``ZGRONGCUO_LANG``, else Chinese."""
    return str(_state["lang"])


def debugging() -> bool:
    """Whether internal errors show their traceback (``--debug`` or ``ZGRONGCUO_DEBUG``)."""
    return bool(_state["debug"])


def set_debugging() -> None:
    _state["debug"] = True


def said_interrupted(now: bool = False) -> bool:
    """Whether this run has said that it was interrupted (``now``: it just has)."""
    _state["said"] = _state["said"] or now
    return bool(_state["said"])


def chosen_language(args: Sequence[str]) -> str:
    """The ``--lang`` value that decides this run (the last given), else ``ZGRONGCUO_LANG``, else Chinese; unchecked."""
    chosen = os.environ.get("ZGRONGCUO_LANG") or DEFAULT_LANGUAGE
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            chosen = args[i + 1]
        elif arg.startswith("--lang="):
            chosen = arg.partition("=")[2]
    return chosen


# ------------------------------------------------------------ parameter values


class Refused(typer.BadParameter):
    """A parameter value refused in words of our catalogue (``msg_id`` and its ``params``)."""

    def __init__(self, msg_id: str, **params: object) -> None:
        super().__init__(msg_id)
        self.msg_id, self.params = msg_id, params


class Choice:
    """One of ``choices``, any case; the parser of an option (Typer's ``parser=``)."""

    __name__ = "choice"  # Typer names a parser's type after it

    def __init__(self, choices: Iterable[str]) -> None:
        self.choices = tuple(choices)

    def __call__(self, value: str) -> str:
        folded = str(value).lower()
        for choice in self.choices:
            if choice.lower() == folded:
                return choice
        raise Refused("cli.not_a_choice", value=_short(str(value)), choices=", ".join(self.choices))

    def complete(self, incomplete: str) -> list[str]:
        """Shell completion: the choices that begin with what is typed."""
        return [c for c in self.choices if c.startswith(incomplete.lower())]


class Count:
    """A whole number of at least ``minimum``; above ``maximum``, the maximum."""

    __name__ = "integer"

    def __init__(self, minimum: int = 0, maximum: int | None = None) -> None:
        self.minimum, self.maximum = minimum, maximum

    def __call__(self, value: str | int) -> int:
        if isinstance(value, int):  # a default
            return value
        try:
            number = int(str(value).strip())
        except ValueError:  # also a number of thousands of digits
            raise Refused("cli.not_an_integer", value=_short(str(value))) from None
        if number < self.minimum:
            raise Refused("cli.below_minimum", value=_short(str(number)), minimum=self.minimum)
        return number if self.maximum is None else min(number, self.maximum)


def _short(value: str) -> str:
    return value if len(value) <= 40 else value[:20] + "…" + value[-10:]


# ------------------------------------------------------------ help in words


class Formatter(_click.HelpFormatter):
    """Click's help layout, with Chinese wrapped between characters (Click wraps at spaces only)."""

    # Help is read by people, so its layout is imported only when help is shown.
    def write_heading(self, heading: str) -> None:
        from zgrongcuo.text.layout import columns

        colon = "：" if columns(heading) > len(heading) else ":"  # a Chinese heading takes a Chinese colon
        self.write(f"{'':>{self.current_indent}}{heading}{colon}\n")

    def write_text(self, value: str) -> None:
        from zgrongcuo.text.layout import wrap

        indent = " " * self.current_indent
        for n, paragraph in enumerate(value.split("\n\n")):
            if n:
                self.write("\n")
            for line in wrap(" ".join(paragraph.split("\n")), max(self.width - self.current_indent, 20)):
                self.write(f"{indent}{line}\n")

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        from zgrongcuo.text.layout import columns, wrap

        rows = list(rows)
        first = min(max((columns(term) for term, _ in rows), default=0), col_max)
        indent = " " * self.current_indent
        room = max(self.width - self.current_indent - first - col_spacing, 20)
        for term, definition in rows:
            lines = wrap(definition, room) if definition else [""]
            if columns(term) > first:
                self.write(f"{indent}{term}\n")
                lines_indent = indent + " " * (first + col_spacing)
                for line in lines:
                    self.write(f"{lines_indent}{line}\n")
                continue
            pad = " " * (first - columns(term) + col_spacing)
            self.write(f"{indent}{term}{pad}{lines[0]}\n".rstrip() + "\n")
            for line in lines[1:]:
                self.write(f"{indent}{' ' * (first + col_spacing)}{line}\n")


class _Context(typer.Context):
    formatter_class = Formatter


def _is_option(param: _click.Parameter) -> bool:
    return param.param_type_name == "option"


def _option_names(param: _click.Parameter) -> str:
    """``-f, --format`` as Click writes them: the shorter prefix first; a flag's other name after a slash."""

    def joined(names: Sequence[str]) -> str:
        return ", ".join(sorted(names, key=lambda n: len(n) - len(n.lstrip("-/"))))

    names = joined(param.opts)
    if param.secondary_opts:
        names += " / " + joined(param.secondary_opts)
    return names


def _help_row(param: _click.Parameter) -> tuple[str, str] | None:
    """The help line of a parameter: its names and value, and its help text (worded when the command was built)."""
    helped = getattr(param, "help", None) or ""
    if getattr(param, "hidden", False):
        return None
    if not _is_option(param):
        return (param.metavar or (param.name or "").upper(), helped) if helped else None
    names = _option_names(param)
    if not getattr(param, "is_flag", False) and not getattr(param, "count", False):
        names += f" {param.metavar or (param.name or '').upper()}"
    return names, helped


class _Worded:
    """Help and usage in the run's language: headings, usage, the help option, the parameters' help."""

    context_class: type[_click.Context] = _Context

    def get_help_option(self, ctx: _click.Context) -> TyperOption | None:
        option: TyperOption | None = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = text("cli.help_option", language())
        return option

    def format_help(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        # Written out rather than inherited: Typer's own sections are Rich panels or English headings.
        self.format_usage(ctx, formatter)
        self.format_help_text(ctx, formatter)  # type: ignore[attr-defined]
        self.format_options(ctx, formatter)
        self.format_epilog(ctx, formatter)  # type: ignore[attr-defined]

    def parse_args(self, ctx: _click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)  # type: ignore[misc]
        except _click.exceptions.UsageError as error:
            # The parser raises some without their context, which says where to find help.
            error.ctx = error.ctx or ctx
            raise

    def collect_usage_pieces(self, ctx: _click.Context) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []  # type: ignore[attr-defined]
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            if not _is_option(param):
                pieces.append(param.metavar or (param.name or "").upper())
        return pieces

    def format_usage(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=text("cli.usage", language()))

    def format_options(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        params = self.get_params(ctx)  # type: ignore[attr-defined]
        arguments = [r for p in params if not _is_option(p) and (r := _help_row(p))]
        options = [r for p in params if _is_option(p) and (r := _help_row(p))]
        for heading, rows in (("cli.arguments", arguments), ("cli.options", options)):
            if rows:
                with formatter.section(text(heading, language())):
                    formatter.write_dl(rows)


class Command(_Worded, TyperCommand):
    """A command whose help is in the run's language (``cls=Command`` on every ``@app.command``)."""


class Group(_Worded, TyperGroup):
    """A group of commands (``criteria``), worded like a command, its commands listed after its options."""

    def collect_usage_pieces(self, ctx: _click.Context) -> list[str]:
        return [*super().collect_usage_pieces(ctx), self.subcommand_metavar]

    def format_options(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, (command.help or "").split("\n")[0]))
        if rows:
            with formatter.section(text("cli.commands", language())):
                formatter.write_dl(rows)


# Typer's own options, worded by name.
_TYPER_OPTIONS = {"install_completion": "cli.install_completion", "show_completion": "cli.show_completion"}


def word(command: _click.Command, lang: str) -> _click.Command:
    """``command`` (and its commands) with every catalogue id in its help replaced by the words in ``lang``.

    A command's help is the catalogue's ``<id>``, then ``<id>_more`` as a second paragraph where the
    catalogue has one; an option's help is its id's sentence.
    """
    if command.help and has(command.help):
        more = command.help + "_more"
        command.help = text(command.help, lang) + ("\n\n" + text(more, lang) if has(more) else "")
    if command.epilog and has(command.epilog):
        command.epilog = text(command.epilog, lang)
    command.options_metavar = text("cli.options_metavar", lang)
    if isinstance(command, TyperGroup):
        command.subcommand_metavar = text("cli.subcommand_metavar", lang)
        for sub in command.commands.values():
            word(sub, lang)
    for param in command.params:
        helped = _TYPER_OPTIONS.get(param.name or "") or getattr(param, "help", None)
        if helped and has(helped):
            param.help = text(helped, lang)  # type: ignore[attr-defined]
        if param.name == "install_completion":
            param.callback = _install_completion  # Typer's own speaks English, and its PowerShell way does not suit
    return command


def _install_completion(ctx: _click.Context, param: _click.Parameter, value: Any) -> Any:
    """``--install-completion``, said in the user's language (zgrongcuo.cli.completion)."""
    if not value or ctx.resilient_parsing:
        return value
    from zgrongcuo.cli.completion import install

    shell, path = install(value if isinstance(value, str) else None, ctx.find_root().info_name or "zgrongcuo")
    typer.echo(text("cli.completion_installed", language(), shell=shell, path=quoted(path)))
    raise typer.Exit()


# ------------------------------------------------------------ commands built when they run


class LazyGroup(Group):
    """The root: its commands are built when first asked for, from ``"module:app"`` entries in :attr:`lazy`.

    A script that checks one case per call imports and builds only ``check``.
    Each entry names a module's Typer app; :func:`typer.main.get_command`
    turns it into the command.
    """

    lazy: dict[str, str] = {}

    def list_commands(self, ctx: _click.Context) -> list[str]:
        return [*self.lazy, *(name for name in super().list_commands(ctx) if name not in self.lazy)]

    def get_command(self, ctx: _click.Context, cmd_name: str) -> _click.Command | None:
        if cmd_name in self.lazy and cmd_name not in self.commands:
            module, _, attribute = self.lazy[cmd_name].partition(":")
            app: typer.Typer = getattr(importlib.import_module(module), attribute)
            command = word(typer.main.get_command(app), language())
            command.name = cmd_name
            self.commands[cmd_name] = command
        return super().get_command(ctx, cmd_name)

    # ------------------------------------------------------------ the guard

    def invoke(self, ctx: _click.Context) -> Any:
        """Run the command; what escapes it becomes a message and an exit code (README "Exit codes")."""
        from zgrongcuo.errors import ZgError

        lang = language()
        _collect_from_here()
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, _click.exceptions.UsageError):
            raise
        except ZgError as error:
            from zgrongcuo.cli.common import report_error

            report_error(error, lang)
            raise typer.Exit(ExitCode.USAGE) from None
        except KeyboardInterrupt:
            from zgrongcuo.cli.common import interrupted

            raise typer.Exit(interrupted(lang)) from None
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            raise typer.Exit(_internal_error(exc, lang)) from None

    # ------------------------------------------------------------ the run

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> int:
        """Run the command line and exit with its code (``standalone_mode=False``: return the code instead)."""
        argv = list(sys.argv[1:] if args is None else args)
        lang = chosen_language(argv)
        debug = bool(os.environ.get("ZGRONGCUO_DEBUG"))
        _state.update(lang=lang if lang in LANGUAGES else DEFAULT_LANGUAGE, debug=debug, said=False)
        word(self, language())
        try:
            code = self._dispatch(lang, argv, prog_name, complete_var, **extra)
        except Exception as exc:  # noqa: BLE001 - the last line of defence, reporting included
            code = _internal_error(exc, language())
        code = _flushed(code, language())
        if not standalone_mode:
            return code
        sys.exit(code)

    def _dispatch(self, lang: str, argv: list[str], prog_name: str | None, complete_var: str | None, **extra: Any) -> int:
        from zgrongcuo.errors import UsageError, ZgError

        try:
            if lang not in LANGUAGES:
                raise UsageError("unknown_language", lang=lang, known=", ".join(LANGUAGES))
            returned = super().main(argv, prog_name or "zgrongcuo", complete_var, standalone_mode=False, **extra)
            code = returned if isinstance(returned, int) else 0
        except _click.exceptions.NoArgsIsHelpError as bare:
            _echo_help(bare.ctx)
            code = ExitCode.USAGE
        except _click.exceptions.UsageError as error:
            _usage_error(error, language())
            code = ExitCode.USAGE
        except ZgError as error:  # --help or --version into a closed or full standard output
            from zgrongcuo.cli.common import report_error

            report_error(error, language())
            code = ExitCode.USAGE
        except (KeyboardInterrupt, typer.Abort):
            from zgrongcuo.cli.common import interrupted

            code = interrupted(language())
        if code in (ExitCode.INTERRUPTED, ExitCode.TERMINATED) and not said_interrupted():
            from zgrongcuo.cli.common import interrupted

            code = interrupted(language())  # Typer turns Ctrl-C while parsing into exit 130 without a word
        return int(code)


def _collect_from_here() -> None:
    """Collect cycles again, never among what start-up made (``main`` held the collector until now)."""
    import gc

    gc.freeze()
    gc.set_threshold(50_000, 20, 20)
    gc.enable()


def _echo_help(ctx: _click.Context | None) -> None:
    from zgrongcuo.cli.common import say

    if ctx is not None:
        say(ctx.get_help())


def _internal_error(exc: BaseException, lang: str) -> int:
    from zgrongcuo.cli.common import say

    if debugging():
        import traceback

        traceback.print_exception(exc)
    say(text("internal_error", lang, version=__version__, detail=f"{type(exc).__name__}: {exc}"))
    return ExitCode.INTERNAL


def _flushed(code: int, lang: str) -> int:
    """``code``, once what is left of standard output is written; 2 if it cannot be (a full disk)."""
    from zgrongcuo.errors import ZgError

    try:
        sys.stdout.flush()
    except ZgError as error:
        from zgrongcuo.cli.common import report_error

        report_error(error, lang)
        return code if code in (ExitCode.INTERRUPTED, ExitCode.TERMINATED, ExitCode.INTERNAL) else ExitCode.USAGE
    except KeyboardInterrupt:
        from zgrongcuo.cli.common import interrupted

        return interrupted(lang)
    return code


# ------------------------------------------------------------ usage errors in our words


def _usage_error(error: _click.exceptions.UsageError, lang: str) -> None:
    """A usage error in the user's language, with where to find help."""
    from zgrongcuo.cli.common import say

    say(text("error_prefix", lang) + text("location_sep", lang) + usage_message(error, lang))
    if error.ctx is not None:
        say(text("cli.try_help", lang, command=quoted(error.ctx.command_path)))


def usage_message(error: _click.exceptions.UsageError, lang: str) -> str:
    """What went wrong, in words of our catalogue; everything the user typed shown as text, never acting."""
    from zgrongcuo.errors import suggest

    exceptions = _click.exceptions
    if isinstance(error, exceptions.NoSuchOption):
        name = error.option_name
        return _with_hint(text("cli.no_such_option", lang, name=quoted(name)), suggest(name, error.possibilities or ()), lang)
    if isinstance(error, exceptions.BadOptionUsage):
        # The parser says which in English only: "does not take a value" / "requires an argument".
        msg_id = "cli.takes_no_value" if "does not take" in error.message else "cli.requires_value"
        return text(msg_id, lang, name=quoted(error.option_name))
    if isinstance(error, exceptions.MissingParameter):
        return text("cli.missing", lang, param=_param_name(error.param, error.ctx))
    if isinstance(error, exceptions.BadParameter):
        if isinstance(error, Refused):
            message = text(error.msg_id, lang, **quoted_params(error.params))
        elif (choices := getattr(getattr(error.param, "type", None), "choices", None)) and (
            refused := _NOT_ONE_OF.match(error.message)
        ):
            # A choice of Typer's own (the shell of --install-completion): the value is in its English message only.
            message = text("cli.not_a_choice", lang, value=quoted(refused.group(1)), choices=", ".join(map(str, choices)))
        else:
            message = quoted(error.message)
        return text("cli.bad_value", lang, param=_param_name(error.param, error.ctx), message=message)
    # Typer raises these as plain usage errors, worded in English only.
    if error.message.startswith("No such command"):
        name = error.message.split("'")[1] if "'" in error.message else error.message
        known = error.ctx.command.list_commands(error.ctx) if error.ctx and isinstance(error.ctx.command, TyperGroup) else []
        return _with_hint(text("cli.no_such_command", lang, name=quoted(name)), suggest(name, known), lang)
    extra = _EXTRA_ARGUMENTS.match(error.message)
    if extra:
        return text("cli.extra_arguments", lang, args=quoted(extra.group(1)))
    if error.message == "Missing command.":
        return text("cli.missing_command", lang)
    return quoted(error.message)


_NOT_ONE_OF = re.compile(r"^'(.*)' is not one of ", re.DOTALL)
_EXTRA_ARGUMENTS = re.compile(r"^Got unexpected extra arguments?(?:\(s\))? \((.*)\)$", re.DOTALL)


def _with_hint(message: str, suggestion: str | None, lang: str) -> str:
    if not suggestion:
        return message
    end = message[-1:]
    return message.removesuffix(end) + text("did_you_mean", lang, suggestion=quoted(suggestion)) + end


def _param_name(param: _click.Parameter | None, ctx: _click.Context | None) -> str:
    """The option as the user wrote it (with the variable it came from), or the argument's name."""
    if param is None:
        return "-"
    if _is_option(param):
        name = max(param.opts, key=len)
        if ctx is not None and param.name and ctx.get_parameter_source(param.name) is _click.core.ParameterSource.ENVIRONMENT:
            name += f" ({param.envvar})"
        return name
    return param.metavar or param.name or "-"


