using System.Numerics;
using EdgePose.Core.Models;

namespace EdgePose.Core.Tests.Models;

public class PythonLiteralTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("32", 32L)]
    [InlineData("-17", -17L)]
    [InlineData("+5", 5L)]
    [InlineData("- 3", -3L)]
    [InlineData("  42  ", 42L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void Ints_become_longs(string text, long expected) => Assert.Equal(expected, PythonLiteral.Parse(text));

    [Fact]
    public void Ints_beyond_long_become_big_integers() =>
        Assert.Equal(BigInteger.Parse("123456789012345678901234567890"), PythonLiteral.Parse("123456789012345678901234567890"));

    [Theory]
    [InlineData("1.0", 1.0)]
    [InlineData("0.25", 0.25)]
    [InlineData("-1.5", -1.5)]
    [InlineData("1e-05", 1e-05)]
    [InlineData("-2.5E+3", -2500.0)]
    [InlineData("5.", 5.0)]
    [InlineData(".5", 0.5)]
    [InlineData("3e2", 300.0)]
    public void Floats_become_doubles(string text, double expected) => Assert.Equal(expected, PythonLiteral.Parse(text));

    [Theory]
    [InlineData("True", true)]
    [InlineData("False", false)]
    public void Bools_are_read(string text, bool expected) => Assert.Equal(expected, PythonLiteral.Parse(text));

    [Fact]
    public void None_is_null() => Assert.Null(PythonLiteral.Parse("None"));

    [Theory]
    [InlineData("'person'", "person")]
    [InlineData("\"person\"", "person")]
    [InlineData("''", "")]
    [InlineData("\"rider's bike\"", "rider's bike")]
    [InlineData("'say \"hi\"'", "say \"hi\"")]
    [InlineData(@"'it\'s'", "it's")]
    [InlineData(@"'a\\b'", @"a\b")]
    [InlineData(@"'tab\there\nnew\rret'", "tab\there\nnew\rret")]
    [InlineData(@"'\a\b\f\v'", "\a\b\f\v")]
    [InlineData(@"'caf\xe9'", "café")]
    [InlineData(@"'\u4eba'", "人")]
    [InlineData(@"'\U0001f600'", "😀")]
    [InlineData(@"'\0\101\1012'", "\0AA2")]
    [InlineData(@"'\d\w'", @"\d\w")]
    [InlineData("'café 人'", "café 人")]
    public void Strings_in_either_quote_with_python_escapes(string text, string expected) =>
        Assert.Equal(expected, PythonLiteral.Parse(text));

    [Fact]
    public void Lists_keep_their_items_in_order()
    {
        var list = Assert.IsType<List<object?>>(PythonLiteral.Parse("[17, 3, 'x', None, [1], ]"));

        Assert.Equal(5, list.Count);
        Assert.Equal(17L, list[0]);
        Assert.Equal("x", list[2]);
        Assert.Null(list[3]);
        Assert.Equal([1L], Assert.IsType<List<object?>>(list[4]));
        Assert.Empty(Assert.IsType<List<object?>>(PythonLiteral.Parse("[]")));
    }

    [Fact]
    public void Tuples_become_arrays()
    {
        Assert.Equal([640L, 480L], Assert.IsType<object?[]>(PythonLiteral.Parse("(640, 480)")));
        Assert.Equal([1L], Assert.IsType<object?[]>(PythonLiteral.Parse("(1,)")));
        Assert.Empty(Assert.IsType<object?[]>(PythonLiteral.Parse("()")));
    }

    [Fact]
    public void Dicts_keep_written_order_and_int_or_string_keys()
    {
        var dict = Assert.IsType<OrderedDictionary<object, object?>>(
            PythonLiteral.Parse("{'batch': 1, 'half': False, 'fraction': 1.0, 'opset': None, 'imgsz': [640, 640], 2: 'two', -1.5: True}"));

        Assert.Equal(["batch", "half", "fraction", "opset", "imgsz", 2L, -1.5], dict.Keys);
        Assert.Equal(1L, dict["batch"]);
        Assert.Equal(false, dict["half"]);
        Assert.Equal(1.0, dict["fraction"]);
        Assert.Null(dict["opset"]);
        Assert.Equal("two", dict[2L]);
        Assert.Equal(true, dict[-1.5]);
        Assert.Empty(Assert.IsType<OrderedDictionary<object, object?>>(PythonLiteral.Parse("{}")));
    }

    [Fact]
    public void A_repeated_dict_key_keeps_its_last_value_as_in_python()
    {
        var dict = Assert.IsType<OrderedDictionary<object, object?>>(PythonLiteral.Parse("{0: 'a', 1: 'b', 0: 'c'}"));

        Assert.Equal("c", dict[0L]);
        Assert.Equal(2, dict.Count);
    }

    [Fact]
    public void Ultralytics_args_value_parses_completely()
    {
        const string args = "{'data': 'coco8-pose.yaml', 'batch': 1, 'fraction': 1.0, 'half': False, 'int8': True, "
            + "'dynamic': False, 'simplify': True, 'opset': None, 'nms': False}";

        var dict = Assert.IsType<OrderedDictionary<object, object?>>(PythonLiteral.Parse(args));

        Assert.Equal(9, dict.Count);
        Assert.Equal(true, dict["int8"]);
        Assert.Equal(false, dict["nms"]);
    }

    [Theory]
    [InlineData("", "unexpected end of text, expected a value", 0)]
    [InlineData("   ", "unexpected end of text, expected a value", 3)]
    [InlineData("[17, 3", "unexpected end of text, expected ',' or ']'", 6)]
    [InlineData("[17 3]", "unexpected '3', expected ',' or ']'", 4)]
    [InlineData("{0 'person'}", "unexpected ''', expected ':' after a dict key", 3)]
    [InlineData("{0: 'person'", "unexpected end of text, expected ',' or '}'", 12)]
    [InlineData("'person", "unterminated string", 0)]
    [InlineData("'per\nson'", "unterminated string", 0)]
    [InlineData("person", "unexpected name 'person' (only True, False and None are literals)", 0)]
    [InlineData("true", "unexpected name 'true' (only True, False and None are literals)", 0)]
    [InlineData("inf", "unexpected name 'inf' (only True, False and None are literals)", 0)]
    [InlineData("[1, 2] x", "unexpected 'x' after the value", 7)]
    [InlineData("1.2.3", "unexpected '.' after the value", 3)]
    [InlineData("-", "malformed number", 0)]
    [InlineData("1e", "malformed number (exponent has no digits)", 0)]
    [InlineData("12abc", "malformed number", 0)]
    [InlineData("007", "leading zeros in an int", 0)]
    [InlineData("(1)", "parenthesised value is not a tuple (write '(x,)')", 0)]
    [InlineData("{[1]: 2}", "dict key must be a str, int, float or bool", 1)]
    [InlineData("{None: 2}", "dict key must be a str, int, float or bool", 1)]
    [InlineData(@"'\x4'", @"malformed \x escape", 1)]
    [InlineData(@"'\u12'", @"truncated \u escape", 1)]
    [InlineData(@"'\U00110000'", "escape is beyond the last Unicode code point", 1)]
    [InlineData(@"'\N{DASH}'", @"\N{...} escapes are not supported", 1)]
    [InlineData("'''doc'''", "triple-quoted strings are not supported", 0)]
    [InlineData("{1, 2}", "unexpected ',', expected ':' after a dict key", 2)]
    [InlineData("@", "unexpected '@', expected a value", 0)]
    [InlineData("[\u0001]", @"unexpected '\x01', expected a value", 1)]
    public void Bad_input_is_rejected_with_the_reason_and_position(string text, string reason, int position)
    {
        var e = Assert.Throws<PythonLiteralException>(() => PythonLiteral.Parse(text));

        Assert.Equal(reason, e.Reason);
        Assert.Equal(position, e.Position);
        Assert.Equal($"{reason} at position {position}", e.Message);
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_rejected_instead_of_overflowing_the_stack()
    {
        var text = new string('[', 10_000) + new string(']', 10_000);

        var e = Assert.Throws<PythonLiteralException>(() => PythonLiteral.Parse(text));

        Assert.Equal("nested deeper than 64 levels", e.Reason);
    }
}
