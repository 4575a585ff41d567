"""How the interview reads and writes lines: bounded lines, and echoes that never send a terminal escape."""

import io

import pytest

from zgrongcuo.interview.dialogue import LINE_LIMIT, SHOWN_LIMIT, LineTooLong, StreamDialogue, escaped


def dialogue(data, *, interactive=False):
    out = io.StringIO()
    return StreamDialogue(io.StringIO(data), out, interactive=interactive), out


def test_a_piped_answer_is_echoed_after_its_prompt():
    d, out = dialogue("是\n")
    assert d.ask("回答：") == "是"
    assert out.getvalue() == "回答：是\n"
    assert not d.interactive


def test_an_echo_shows_control_characters_escaped():
    d, out = dialogue("\x1b[2J\x1b]0;title\x07\u202eabc\x9b\n")
    assert d.ask("> ") == "\x1b[2J\x1b]0;title\x07\u202eabc\x9b"  # the reply itself is judged by the interview
    assert out.getvalue() == "> \\x1b[2J\\x1b]0;title\\x07\\u202eabc\\x9b\n"


def test_escaped_leaves_text_and_tabs_alone():
    assert escaped("是 # 见\t纪要") == "是 # 见\t纪要"


def test_end_of_input_is_eof():
    d, _ = dialogue("")
    with pytest.raises(EOFError):
        d.ask("> ")


def test_a_line_at_the_limit_is_taken_and_one_past_it_is_not():
    d, _ = dialogue("x" * LINE_LIMIT + "\n" + "y" * (LINE_LIMIT + 1) + "\n")
    assert d.ask("> ") == "x" * LINE_LIMIT
    with pytest.raises(LineTooLong):
        d.ask("> ")


def test_a_piped_line_too_long_is_not_read_to_its_end_and_its_echo_is_short():
    endless = io.StringIO("\0" * (LINE_LIMIT * 50))
    out = io.StringIO()
    d = StreamDialogue(endless, out, interactive=False)
    with pytest.raises(LineTooLong):
        d.ask("> ")
    assert endless.tell() <= LINE_LIMIT + 1  # read no further than the limit
    assert len(out.getvalue()) <= len("> ") + 4 * SHOWN_LIMIT + 2


def test_a_typed_line_too_long_is_dropped_whole_and_the_next_one_read():
    d, _ = dialogue("z" * (LINE_LIMIT * 3) + "\n否\n", interactive=True)
    with pytest.raises(LineTooLong):
        d.ask("> ")
    assert d.ask("> ") == "否"


class _Typing(io.StringIO):
    """Input during which a signal arrives, as a handler would call the dialogue."""

    def __init__(self, text, dialogue_ref):
        super().__init__(text)
        self.dialogue_ref = dialogue_ref

    def readline(self, *args):
        self.dialogue_ref[0].interrupt()  # the signal comes while the line is awaited
        return super().readline(*args)


def test_an_interruption_while_a_line_is_awaited_stops_the_wait():
    ref = []
    d = StreamDialogue(_Typing("是\n", ref), io.StringIO(), interactive=True)
    ref.append(d)
    with pytest.raises(KeyboardInterrupt):
        d.ask("> ")
    assert not d.reading


def test_an_interruption_at_any_other_moment_waits_for_the_next_prompt():
    d, _ = dialogue("是\n否\n", interactive=True)
    d.interrupt()  # e.g. while the case is being saved: nothing is raised there
    with pytest.raises(KeyboardInterrupt):
        d.ask("> ")


def test_a_terminal_that_is_gone_ends_the_input():
    class Gone(io.StringIO):
        def readline(self, *args):
            raise OSError(5, "Input/output error")

    d = StreamDialogue(Gone(), io.StringIO(), interactive=True)
    with pytest.raises(EOFError):
        d.ask("> ")
