using System;
using System.Collections.Generic;
using System.Text;

namespace DcMonitor.DeviceConformance.Checks
{
    /// <summary>
    /// Reads C and C++ sources well enough to tell which names they call and which they declare: comments, string and
    /// character literals and preprocessor lines other than <c>#define</c> are blanked out; a name followed by
    /// <c>(</c> is a declaration when a type name or <c>*</c> stands before it, a call otherwise (member calls through
    /// <c>.</c> or <c>-&gt;</c> are skipped: they go through function pointers, not symbols).
    /// </summary>
    public static class CSourceScanner
    {
        private static readonly HashSet<string> Keywords = new HashSet<string>(StringComparer.Ordinal)
        {
            "if", "while", "for", "switch", "return", "sizeof", "defined", "_Static_assert", "static_assert", "case", "do", "else",
            "alignof", "_Alignof", "offsetof", "typeof", "__typeof__", "__attribute__", "__asm__", "asm", "goto", "catch", "throw", "new", "delete",
            "decltype", "noexcept", "alignas", "_Alignas", "void", "char", "short", "int", "long", "float", "double", "signed", "unsigned", "bool", "_Bool",
            "int8_t", "int16_t", "int32_t", "int64_t", "uint8_t", "uint16_t", "uint32_t", "uint64_t", "size_t", "uintptr_t", "intptr_t",
            "static_cast", "reinterpret_cast", "const_cast", "dynamic_cast", "operator", "template", "__builtin_expect", "__has_include",
        };

        private static readonly HashSet<string> StatementWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "return", "case", "else", "do", "sizeof", "throw", "goto",
        };

        /// <summary>A name in call position, with its 1-based line.</summary>
        public readonly struct Call
        {
            /// <summary>Creates the record.</summary>
            public Call(string name, int line)
            {
                Name = name;
                Line = line;
            }

            /// <summary>The called name.</summary>
            public string Name { get; }

            /// <summary>1-based line.</summary>
            public int Line { get; }
        }

        /// <summary>Scans one source: the calls, and the names it declares, defines or #defines.</summary>
        public static (List<Call> Calls, HashSet<string> Declared) Scan(string source)
        {
            string text = Blank(source);
            var calls = new List<Call>();
            var declared = new HashSet<string>(StringComparer.Ordinal);
            int line = 1;
            string previous = string.Empty;
            string beforePrevious = string.Empty;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\n')
                {
                    line++;
                    continue;
                }

                if (char.IsWhiteSpace(c))
                {
                    continue;
                }

                if (c == '#')
                {
                    int end = i + 1;
                    while (end < text.Length && text[end] != '\n')
                    {
                        end += text[end] == '\\' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1;
                    }

                    string directive = text.Substring(i + 1, end - i - 1).TrimStart();
                    if (directive.StartsWith("define", StringComparison.Ordinal))
                    {
                        // Record the macro's name and scan its body as code: a call inside a macro is a call.
                        int at = text.IndexOf("define", i, StringComparison.Ordinal) + 6;
                        while (at < text.Length && (text[at] == ' ' || text[at] == '\t'))
                        {
                            at++;
                        }

                        int nameStart = at;
                        while (at < text.Length && (char.IsLetterOrDigit(text[at]) || text[at] == '_'))
                        {
                            at++;
                        }

                        declared.Add(text.Substring(nameStart, at - nameStart));
                        if (at < text.Length && text[at] == '(')
                        {
                            at = text.IndexOf(')', at) + 1;
                        }

                        i = at - 1;
                    }
                    else
                    {
                        for (int k = i; k < end; k++)
                        {
                            if (text[k] == '\n')
                            {
                                line++;
                            }
                        }

                        i = end - 1;
                    }

                    previous = beforePrevious = string.Empty;
                    continue;
                }

                if (char.IsLetter(c) || c == '_')
                {
                    int start = i;
                    while (i + 1 < text.Length && (char.IsLetterOrDigit(text[i + 1]) || text[i + 1] == '_'))
                    {
                        i++;
                    }

                    string word = text.Substring(start, i - start + 1);
                    int next = i + 1;
                    while (next < text.Length && (text[next] == ' ' || text[next] == '\t' || text[next] == '\r' || text[next] == '\n'))
                    {
                        next++;
                    }

                    if (next < text.Length && text[next] == '(' && !Keywords.Contains(word) && previous != "." && previous != "->" && previous != "::")
                    {
                        bool typeBefore = (IsIdentifier(previous) && !StatementWords.Contains(previous))
                            || (previous == "*" && IsIdentifier(beforePrevious) && !StatementWords.Contains(beforePrevious))
                            || (previous == "*" && beforePrevious == "("); // void (*name(void))(void *): a function returning a function pointer
                        if (typeBefore)
                        {
                            declared.Add(word);
                        }
                        else
                        {
                            calls.Add(new Call(word, line));
                        }
                    }

                    beforePrevious = previous;
                    previous = word;
                    continue;
                }

                string token = c.ToString();
                if ((c == '-' && i + 1 < text.Length && text[i + 1] == '>') || (c == ':' && i + 1 < text.Length && text[i + 1] == ':'))
                {
                    token = text.Substring(i, 2);
                    i++;
                }

                beforePrevious = previous;
                previous = token;
            }

            return (calls, declared);
        }

        private static bool IsIdentifier(string token) => token.Length > 0 && (char.IsLetter(token[0]) || token[0] == '_');

        private static string Blank(string source)
        {
            var text = new StringBuilder(source.Length);
            int i = 0;
            while (i < source.Length)
            {
                char c = source[i];
                if (c == '/' && i + 1 < source.Length && source[i + 1] == '*')
                {
                    int end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    end = end < 0 ? source.Length : end + 2;
                    Keep(source, i, end, text);
                    i = end;
                }
                else if (c == '/' && i + 1 < source.Length && source[i + 1] == '/')
                {
                    int end = source.IndexOf('\n', i);
                    end = end < 0 ? source.Length : end;
                    Keep(source, i, end, text);
                    i = end;
                }
                else if (c == '"' || c == '\'')
                {
                    int end = i + 1;
                    while (end < source.Length && source[end] != c && source[end] != '\n')
                    {
                        end += source[end] == '\\' ? 2 : 1;
                    }

                    end = Math.Min(end + 1, source.Length);
                    text.Append('0');
                    Keep(source, i + 1, end, text);
                    i = end;
                }
                else
                {
                    text.Append(c);
                    i++;
                }
            }

            return text.ToString();
        }

        /// <summary>Blanks a span but keeps its line breaks, so line numbers stay right.</summary>
        private static void Keep(string source, int start, int end, StringBuilder text)
        {
            for (int i = start; i < end; i++)
            {
                text.Append(source[i] == '\n' ? '\n' : ' ');
            }
        }
    }
}
