using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace StsTools.Internal
{
    /// <summary>PowerShell values (hashtables, arrays, PSObject wrappers) as plain .NET dictionaries and lists,
    /// so the engine, which knows nothing of PowerShell, can serialize them.</summary>
    internal static class PlainData
    {
        public static object? Unwrap(object? value)
        {
            if (value is PSObject ps)
            {
                value = ps.BaseObject;
            }

            switch (value)
            {
                case null:
                    return null;
                case string _:
                    return value;
                case IDictionary dictionary:
                    var map = new Dictionary<string, object?>();
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        map[entry.Key?.ToString() ?? string.Empty] = Unwrap(entry.Value);
                    }

                    return map;
                case IEnumerable list:
                    var items = new List<object?>();
                    foreach (var item in list)
                    {
                        items.Add(Unwrap(item));
                    }

                    return items;
                default:
                    return value;
            }
        }

        public static Dictionary<string, string> Tags(IDictionary? tags)
        {
            var result = new Dictionary<string, string>(System.StringComparer.Ordinal);
            if (tags == null)
            {
                return result;
            }

            foreach (DictionaryEntry entry in tags)
            {
                var value = entry.Value is PSObject ps ? ps.BaseObject : entry.Value;
                result[entry.Key?.ToString() ?? string.Empty] = value?.ToString() ?? string.Empty;
            }

            return result;
        }
    }
}
