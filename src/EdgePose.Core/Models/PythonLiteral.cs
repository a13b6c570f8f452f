using System.Globalization;
using System.Numerics;
using System.Text;
using EdgePose.Core.Errors;

namespace EdgePose.Core.Models;

/// <summary>
/// Parses the text Python's str()/repr() writes for plain data, the form Ultralytics uses for ONNX
/// metadata_props (names = "{0: 'person'}", kpt_shape = "[17, 3]", end2end = "False").
/// </summary>
/// <remarks>
/// Values come back as .NET objects:
/// str → <see cref="string"/>; int → <see cref="long"/> (<see cref="BigInteger"/> when it does not fit);
/// float → <see cref="double"/>; True/False → <see cref="bool"/>; None → null;
/// list → <see cref="List{T}"/> of object?; tuple → object?[]; dict → <see cref="OrderedDictionary{TKey,TValue}"/>
/// of object → object? in written order (a repeated key keeps its last value, as in Python).
/// Dict keys must be str, int, float or bool. Not supported (error): sets, bytes, f-strings, names
/// other than True/False/None (so no inf/nan), string concatenation, triple quotes, \N{...} escapes.
/// Errors are <see cref="PythonLiteralException"/> with the offset of the fault.
/// </remarks>
public sealed class PythonLiteral
{
    private const int MaxDepth = 64;

    private readonly string _text;
    private int _pos;
    private int _depth;

    private PythonLiteral(string text) => _text = text;

    /// <summary>Parses the whole of <paramref name="text"/> (surrounding whitespace allowed) as one literal.</summary>
    public static object? Parse(string text)
    {
        var p = new PythonLiteral(text);
        var value = p.ParseValue();
        p.SkipWhitespace();
        if (p._pos < text.Length)
        {
            throw p.Error($"unexpected '{MessageText.Shown(text[p._pos])}' after the value");
        }

        return value;
    }

    private object? ParseValue()
    {
        SkipWhitespace();
        if (_pos >= _text.Length)
        {
            throw Error("unexpected end of text, expected a value");
        }

        char c = _text[_pos];
        return c switch
        {
            '{' => Nested(ParseDict),
            '[' => Nested(ParseList),
            '(' => Nested(ParseTuple),
            '\'' or '"' => ParseString(),
            '-' or '+' or '.' or (>= '0' and <= '9') => ParseNumber(),
            _ when char.IsLetter(c) || c == '_' => ParseName(),
            _ => throw Error($"unexpected '{MessageText.Shown(c)}', expected a value"),
        };
    }

    private object Nested(Func<object> parse)
    {
        if (++_depth > MaxDepth)
        {
            throw Error($"nested deeper than {MaxDepth} levels");
        }

        var value = parse();
        _depth--;
        return value;
    }

    private OrderedDictionary<object, object?> ParseDict()
    {
        var dict = new OrderedDictionary<object, object?>();
        _pos++; // '{'
        while (true)
        {
            SkipWhitespace();
            if (TryConsume('}'))
            {
                return dict;
            }

            int keyPos = _pos;
            var key = ParseValue();
            if (key is null or List<object?> or object?[] or OrderedDictionary<object, object?>)
            {
                throw new PythonLiteralException("dict key must be a str, int, float or bool", keyPos);
            }

            SkipWhitespace();
            Expect(':', "':' after a dict key");
            dict[key] = ParseValue();
            if (!AfterItem('}'))
            {
                return dict;
            }
        }
    }

    private List<object?> ParseList()
    {
        var list = new List<object?>();
        _pos++; // '['
        while (true)
        {
            SkipWhitespace();
            if (TryConsume(']'))
            {
                return list;
            }

            list.Add(ParseValue());
            if (!AfterItem(']'))
            {
                return list;
            }
        }
    }

    private object?[] ParseTuple()
    {
        var items = new List<object?>();
        int open = _pos;
        _pos++; // '('
        bool sawComma = false;
        while (true)
        {
            SkipWhitespace();
            if (TryConsume(')'))
            {
                break;
            }

            items.Add(ParseValue());
            SkipWhitespace();
            if (TryConsume(','))
            {
                sawComma = true;
                continue;
            }

            Expect(')', "',' or ')'");
            break;
        }

        if (items.Count == 1 && !sawComma)
        {
            // "(x)" is a parenthesised value in Python, not a tuple.
            throw new PythonLiteralException("parenthesised value is not a tuple (write '(x,)')", open);
        }

        return [.. items];
    }

    /// <summary>After a list/dict item: true when another item may follow, false when the container closed.</summary>
    private bool AfterItem(char close)
    {
        SkipWhitespace();
        if (TryConsume(','))
        {
            return true;
        }

        Expect(close, $"',' or '{close}'");
        return false;
    }

    private object? ParseName()
    {
        int start = _pos;
        while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
        {
            _pos++;
        }

        string name = _text[start.._pos];
        return name switch
        {
            "True" => true,
            "False" => false,
            "None" => null,
            _ => throw new PythonLiteralException($"unexpected name '{name}' (only True, False and None are literals)", start),
        };
    }

    private object ParseNumber()
    {
        int start = _pos;
        bool negative = false;
        if (_text[_pos] is '-' or '+')
        {
            negative = _text[_pos] == '-';
            _pos++;
            SkipWhitespace(); // Python accepts "- 1"
        }

        int digitsStart = _pos;
        bool isFloat = false;
        SkipDigits();
        int intDigits = _pos - digitsStart;
        int fracDigits = 0;
        if (_pos < _text.Length && _text[_pos] == '.')
        {
            isFloat = true;
            _pos++;
            int fracStart = _pos;
            SkipDigits();
            fracDigits = _pos - fracStart;
        }

        if (intDigits == 0 && fracDigits == 0)
        {
            throw new PythonLiteralException("malformed number", start);
        }

        if (_pos < _text.Length && _text[_pos] is 'e' or 'E')
        {
            isFloat = true;
            _pos++;
            if (_pos < _text.Length && _text[_pos] is '+' or '-')
            {
                _pos++;
            }

            int expStart = _pos;
            SkipDigits();
            if (_pos == expStart)
            {
                throw new PythonLiteralException("malformed number (exponent has no digits)", start);
            }
        }

        if (_pos < _text.Length && (char.IsLetter(_text[_pos]) || _text[_pos] == '_'))
        {
            throw new PythonLiteralException("malformed number", start);
        }

        string digits = _text[digitsStart.._pos];
        if (isFloat)
        {
            double d = double.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture);
            return negative ? -d : d;
        }

        if (digits.Length > 1 && digits[0] == '0' && digits.Any(ch => ch != '0'))
        {
            throw new PythonLiteralException("leading zeros in an int", start);
        }

        var big = BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        if (negative)
        {
            big = -big;
        }

        return big >= long.MinValue && big <= long.MaxValue ? (object)(long)big : big;
    }

    private void SkipDigits()
    {
        while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
        {
            _pos++;
        }
    }

    private string ParseString()
    {
        int start = _pos;
        char quote = _text[_pos++];
        if (_pos + 1 < _text.Length && _text[_pos] == quote && _text[_pos + 1] == quote)
        {
            throw new PythonLiteralException("triple-quoted strings are not supported", start);
        }

        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] is '\n' or '\r')
            {
                throw new PythonLiteralException("unterminated string", start);
            }

            char c = _text[_pos++];
            if (c == quote)
            {
                return sb.ToString();
            }

            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            ParseEscape(sb);
        }
    }

    /// <summary>One escape after its backslash, as Python's str literals define them.</summary>
    private void ParseEscape(StringBuilder sb)
    {
        int at = _pos - 1;
        if (_pos >= _text.Length)
        {
            throw new PythonLiteralException("unterminated string", at);
        }

        char e = _text[_pos++];
        switch (e)
        {
            case '\\': sb.Append('\\'); break;
            case '\'': sb.Append('\''); break;
            case '"': sb.Append('"'); break;
            case 'a': sb.Append('\a'); break;
            case 'b': sb.Append('\b'); break;
            case 'f': sb.Append('\f'); break;
            case 'n': sb.Append('\n'); break;
            case 'r': sb.Append('\r'); break;
            case 't': sb.Append('\t'); break;
            case 'v': sb.Append('\v'); break;
            case '\n': break; // line continuation
            case 'x': AppendCodePoint(sb, ReadHex(2, at), at); break;
            case 'u': AppendCodePoint(sb, ReadHex(4, at), at); break;
            case 'U': AppendCodePoint(sb, ReadHex(8, at), at); break;
            case 'N': throw new PythonLiteralException("\\N{...} escapes are not supported", at);
            case >= '0' and <= '7':
                int value = e - '0';
                for (int i = 0; i < 2 && _pos < _text.Length && _text[_pos] is >= '0' and <= '7'; i++)
                {
                    value = (value * 8) + (_text[_pos++] - '0');
                }

                sb.Append((char)value);
                break;
            default:
                // Python keeps unknown escapes as written: "\d" stays backslash + 'd'.
                sb.Append('\\').Append(e);
                break;
        }
    }

    private int ReadHex(int count, int at)
    {
        if (_pos + count > _text.Length)
        {
            throw new PythonLiteralException($"truncated \\{_text[_pos - 1]} escape", at);
        }

        var hex = _text.AsSpan(_pos, count);
        if (!int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int v))
        {
            throw new PythonLiteralException($"malformed \\{_text[_pos - 1]} escape", at);
        }

        _pos += count;
        return v;
    }

    private static void AppendCodePoint(StringBuilder sb, int codePoint, int at)
    {
        if (codePoint is < 0 or > 0x10FFFF)
        {
            throw new PythonLiteralException("escape is beyond the last Unicode code point", at);
        }

        if (codePoint is >= 0xD800 and <= 0xDFFF)
        {
            sb.Append((char)codePoint); // a lone surrogate, as Python allows
        }
        else
        {
            sb.Append(char.ConvertFromUtf32(codePoint));
        }
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private bool TryConsume(char c)
    {
        if (_pos < _text.Length && _text[_pos] == c)
        {
            _pos++;
            return true;
        }

        return false;
    }

    private void Expect(char c, string what)
    {
        if (TryConsume(c))
        {
            return;
        }

        throw _pos >= _text.Length
            ? Error($"unexpected end of text, expected {what}")
            : Error($"unexpected '{MessageText.Shown(_text[_pos])}', expected {what}");
    }

    private PythonLiteralException Error(string reason) => new(reason, _pos);
}
