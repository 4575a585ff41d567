"""The root of the command line: commands imported only when they run; help and usage errors in the user's language.

Every command is made by a factory ``command(lang)`` in its own module (the
``COMMANDS`` table), following Click's documented lazy-group pattern: a
script that checks one case per call imports and builds the one command it
runs.  The language of help and of Click's own messages is chosen before
anything is parsed — ``--lang`` wherever it stands, else ``ZGRONGCUO_LANG``,
else Chinese — so ``zgrongcuo check -h`` is Chinese and ``--lang en -h`` English.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import click

from zgrongcuo import __version__
from zgrongcuo.text.catalogue import DEFAULT_LANGUAGE, LANGUAGES, text

# name -> "module:factory"; each factory takes the language and returns the command.
COMMANDS: dict[str, str] = {
    "check": "zgrongcuo.cli.check:command",
    "ask": "zgrongcuo.cli.ask:command",
    "similar": "zgrongcuo.cli.similar:command",
    "template": "zgrongcuo.cli.authors:template_command",
    "schema": "zgrongcuo.cli.authors:schema_command",
    "diff": "zgrongcuo.cli.authors:diff_command",
    "criteria": "zgrongcuo.cli.authors:criteria_group",
}

HELP_OPTIONS = {"help_option_names": ["-h", "--help"]}


def chosen_language(args: Sequence[str]) -> str:
    """The language of help and usage errors: the last ``--lang`` given, else ``ZGRONGCUO_LANG``, else Chinese."""
    chosen = os.environ.get("ZGRONGCUO_LANG")
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            chosen = args[i + 1]
        elif arg.startswith("--lang="):
            chosen = arg.partition("=")[2]
    return chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE


# ------------------------------------------------------------ help in words


class _Formatter(click.HelpFormatter):
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

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
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


class _Context(click.Context):
    formatter_class = _Formatter


class Argument(click.Argument):
    """A positional argument with a help text (Click's own have none)."""

    def __init__(self, param_decls: Sequence[str], *, help: str = "", **attrs: Any) -> None:
        super().__init__(param_decls, **attrs)
        self.help = help


class _Worded:
    """Help and usage in the command's language: headings, the help option, and the arguments' help."""

    lang: str = DEFAULT_LANGUAGE
    context_class: type[click.Context] = _Context

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option: click.Option | None = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = text("cli.help_option", self.lang)
        return option

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Written out rather than inherited: Click's own sections differ between its versions.
        self.format_usage(ctx, formatter)
        self.format_help_text(ctx, formatter)  # type: ignore[attr-defined]
        self.format_options(ctx, formatter)
        self.format_epilog(ctx, formatter)  # type: ignore[attr-defined]

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=text("cli.usage", self.lang))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        params = self.get_params(ctx)  # type: ignore[attr-defined]
        arguments = [(p.make_metavar(ctx), p.help) for p in params if isinstance(p, Argument) and p.help]
        options = [r for p in params if isinstance(p, click.Option) and (r := p.get_help_record(ctx))]
        for heading, rows in (("cli.arguments", arguments), ("cli.options", options)):
            if rows:
                with formatter.section(text(heading, self.lang)):
                    formatter.write_dl(rows)


class Command(_Worded, click.Command):
    def __init__(self, name: str, *, lang: str, **attrs: Any) -> None:
        attrs.setdefault("context_settings", HELP_OPTIONS)
        attrs.setdefault("options_metavar", text("cli.options_metavar", lang))
        super().__init__(name, **attrs)
        self.lang = lang


class Group(_Worded, click.Group):
    """A group whose commands are made when first asked for, from "module:factory" entries."""

    def __init__(self, name: str | None, *, lang: str, lazy: dict[str, str] | None = None, **attrs: Any) -> None:
        attrs.setdefault("context_settings", HELP_OPTIONS)
        attrs.setdefault("options_metavar", text("cli.options_metavar", lang))
        attrs.setdefault("subcommand_metavar", text("cli.subcommand_metavar", lang))
        super().__init__(name, **attrs)
        self.lang = lang
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*self.lazy, *(name for name in super().list_commands(ctx) if name not in self.lazy)]

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy and name not in self.commands:
            module, _, factory = self.lazy[name].partition(":")
            made: Callable[[str], click.Command] = getattr(importlib.import_module(module), factory)
            self.add_command(made(self.lang), name)
        return super().get_command(ctx, name)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, (command.help or "").split("\n")[0]))
        if rows:
            with formatter.section(text("cli.commands", self.lang)):
                formatter.write_dl(rows)


# -------------------------------------------------------------- the root

_state = {"debug": False}


def debugging() -> bool:
    """Whether internal errors show their traceback (``--debug`` or ``ZGRONGCUO_DEBUG``)."""
    return _state["debug"]


class Root(Group):
    """``zgrongcuo``: chooses the language, runs the command, and turns Click's usage errors into exit code 2."""

    def reword(self, lang: str) -> None:
        """Help in ``lang``; commands made in another language are made again when next asked for."""
        if lang != self.lang:
            self.commands.clear()
        self.lang = lang
        self.options_metavar = text("cli.options_metavar", lang)
        self.subcommand_metavar = text("cli.subcommand_metavar", lang)
        self.help = text("cli.app", lang)
        self.epilog = text("cli.app_epilog", lang)
        for param in self.params:
            if isinstance(param, click.Option) and param.name in _ROOT_OPTIONS:
                param.help = text(_ROOT_OPTIONS[param.name], lang)

    def main(  # type: ignore[override]
        self, args: Sequence[str] | None = None, prog_name: str | None = None, standalone_mode: bool = True, **extra: Any
    ) -> int:
        """Run the command line and exit with its code (``standalone_mode=False``: return the code instead)."""
        argv = list(sys.argv[1:] if args is None else args)
        self.reword(chosen_language(argv))
        _state["debug"] = bool(os.environ.get("ZGRONGCUO_DEBUG"))
        try:
            with self.make_context(prog_name or "zgrongcuo", argv, **extra) as ctx:
                self.invoke(ctx)
            code = 0
        except click.exceptions.Exit as done:
            code = done.exit_code
        except click.exceptions.NoArgsIsHelpError as bare:
            click.echo(bare.ctx.get_help() if bare.ctx else "", err=True)
            code = 2
        except click.UsageError as error:
            _usage_error(error, self.lang)
            code = 2
        except (KeyboardInterrupt, click.Abort):
            from zgrongcuo.cli.common import interrupted

            code = interrupted(self.lang)
        code = _flushed(code, self.lang)
        if not standalone_mode:
            return code
        sys.exit(code)


def _flushed(code: int, lang: str) -> int:
    """``code``, once what is left of standard output is written; 2 if it cannot be (a full disk)."""
    from zgrongcuo.errors import ZgError

    try:
        sys.stdout.flush()
    except ZgError as error:
        from zgrongcuo.cli.common import ExitCode, report_error

        report_error(error, lang)
        return code if code in (ExitCode.INTERRUPTED, ExitCode.TERMINATED, ExitCode.INTERNAL) else ExitCode.USAGE
    except KeyboardInterrupt:
        from zgrongcuo.cli.common import interrupted

        return interrupted(lang)
    return code


def _usage_error(error: click.UsageError, lang: str) -> None:
    """Click's usage error in the user's language, with where to find help."""
    from zgrongcuo.cli.common import say

    ctx = error.ctx
    say(text("error_prefix", lang) + text("location_sep", lang) + usage_message(error, lang))
    if ctx is not None:
        say(text("cli.try_help", lang, command=ctx.command_path))


def usage_message(error: click.UsageError, lang: str) -> str:
    """What went wrong, in words of our catalogue where Click's exception says what it was."""
    from zgrongcuo.errors import suggest

    if isinstance(error, click.NoSuchOption):
        return _with_hint(text("cli.no_such_option", lang, name=error.option_name), suggest(error.option_name, error.possibilities or ()), lang)
    if isinstance(error, click.BadOptionUsage):
        msg_id = "cli.takes_no_value" if "does not take" in error.message else "cli.requires_value"
        return text(msg_id, lang, name=error.option_name)
    if isinstance(error, click.MissingParameter):
        return text("cli.missing", lang, param=_param_name(error.param, error.ctx))
    if isinstance(error, click.BadParameter):
        return text("cli.bad_value", lang, param=_param_name(error.param, error.ctx), message=error.message)
    if error.message.startswith("No such command"):
        name = error.message.split("'")[1] if "'" in error.message else error.message
        known = error.ctx.command.list_commands(error.ctx) if error.ctx and isinstance(error.ctx.command, click.Group) else []
        return _with_hint(text("cli.no_such_command", lang, name=name), suggest(name, known), lang)
    if error.message.startswith("Got unexpected extra argument"):
        extra = error.message.partition("(")[2].rstrip(")")
        return text("cli.extra_arguments", lang, args=extra)
    return error.message


def _with_hint(message: str, suggestion: str | None, lang: str) -> str:
    if not suggestion:
        return message
    end = message[-1:]
    return message.removesuffix(end) + text("did_you_mean", lang, suggestion=suggestion) + end


def _param_name(param: click.Parameter | None, ctx: click.Context | None) -> str:
    """The option as the user wrote it (with the variable it came from), or the argument's name."""
    if param is None:
        return "-"
    if isinstance(param, click.Option):
        name = max(param.opts, key=len)
        if ctx is not None and param.name and ctx.get_parameter_source(param.name) is click.core.ParameterSource.ENVIRONMENT:
            name += f" ({param.envvar})"
        return name
    return param.make_metavar(ctx) if ctx is not None else (param.name or "-")


def _version(ctx: click.Context, _: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(f"zgrongcuo {__version__}")
        ctx.exit()


def _debug(ctx: click.Context, _: click.Parameter, value: bool) -> None:
    _state["debug"] = value or _state["debug"]


_ROOT_OPTIONS = {"version": "cli.version", "debug": "cli.debug", "lang": "cli.opt.lang"}  # option -> its help


def build(lang: str = DEFAULT_LANGUAGE) -> Root:
    """The root command, its help in ``lang`` (``main`` words it again in the language the arguments choose)."""
    root = Root(
        "zgrongcuo",
        lang=lang,
        lazy=COMMANDS,
        no_args_is_help=True,
        params=[
            click.Option(["--version"], is_flag=True, expose_value=False, is_eager=True, callback=_version),
            click.Option(["--debug"], is_flag=True, expose_value=False, callback=_debug),
            # Chosen before parsing (see chosen_language); accepted here too, so `zgrongcuo --lang en -h` works.
            click.Option(["--lang"], metavar="zh|en", expose_value=False, is_eager=True),
        ],
    )
    root.reword(lang)
    return root


app = build()
