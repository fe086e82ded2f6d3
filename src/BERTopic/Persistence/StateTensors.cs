using System.Globalization;
using System.Reflection;
using System.Text;

namespace BERTopicNet.Persistence;

/// <summary>
/// Stores a plain state class (public settable properties of scalars and 1-d arrays, such as UMAP's and
/// HDBSCAN's exported states) in a safetensors file: each array becomes a tensor, each scalar an entry of
/// <c>__metadata__</c>, both named in snake_case. Reading only ever creates the caller's own state type
/// and assigns its own properties; nothing in the file names a type.
/// </summary>
internal static class StateTensors
{
    private const string KindKey = "state_kind";

    public static SafeTensorsFile Write<T>(T state, string kind) where T : class
    {
        ArgumentNullException.ThrowIfNull(state);
        var file = new SafeTensorsFile();
        file.Metadata[KindKey] = kind;
        foreach (var p in Properties<T>())
        {
            object? value = p.GetValue(state);
            string name = SnakeCase(p.Name);
            switch (value)
            {
                case null: break; // absent = null
                case float[] a: file.Add(SafeTensor.FromSingle(name, a, a.Length)); break;
                case double[] a: file.Add(SafeTensor.FromDouble(name, a, a.Length)); break;
                case int[] a: file.Add(SafeTensor.FromInt32(name, a, a.Length)); break;
                case long[] a: file.Add(SafeTensor.FromInt64(name, a, a.Length)); break;
                case float f: file.Metadata[name] = f.ToString("R", CultureInfo.InvariantCulture); break;
                case double d: file.Metadata[name] = d.ToString("R", CultureInfo.InvariantCulture); break;
                case bool b: file.Metadata[name] = b ? "true" : "false"; break;
                case Enum e: file.Metadata[name] = e.ToString(); break;
                case IFormattable f: file.Metadata[name] = f.ToString(null, CultureInfo.InvariantCulture); break;
                case string s: file.Metadata[name] = s; break;
                default: throw new NotSupportedException($"{typeof(T).Name}.{p.Name} of type {p.PropertyType.Name} cannot be stored; use scalars or 1-d arrays of float, double, int or long.");
            }
        }
        return file;
    }

    public static T Read<T>(SafeTensorsFile file, string kind, string path) where T : class, new()
    {
        if (!file.Metadata.TryGetValue(KindKey, out var k) || k != kind)
            throw new ModelFormatException(path, $"is not a saved {kind} state ('{KindKey}' is {(k is null ? "missing" : $"'{k}'")}).");
        var state = new T();
        var nullability = new NullabilityInfoContext();
        var known = new HashSet<string>(StringComparer.Ordinal) { KindKey };
        foreach (var p in Properties<T>())
        {
            string name = SnakeCase(p.Name);
            known.Add(name);
            var type = p.PropertyType;
            bool nullable = Nullable.GetUnderlyingType(type) is not null || nullability.Create(p).WriteState == NullabilityState.Nullable;
            var underlying = Nullable.GetUnderlyingType(type) ?? type;
            if (type.IsArray)
            {
                if (!file.TryGetTensor(name, out var t))
                {
                    if (nullable) { p.SetValue(state, null); continue; }
                    throw new ModelFormatException(path, $"the tensor '{name}' is missing.");
                }
                if (t.Shape.Count != 1) throw new ModelFormatException(path, $"tensor '{name}' must be 1-d but has shape [{string.Join(", ", t.Shape)}].");
                object array = type == typeof(float[]) ? t.ToSingleArray()
                    : type == typeof(double[]) ? t.ToDoubleArray()
                    : type == typeof(int[]) ? t.ToInt32Array()
                    : type == typeof(long[]) ? t.ToInt64Array()
                    : throw new NotSupportedException($"{typeof(T).Name}.{p.Name}: unsupported array type {type.Name}.");
                p.SetValue(state, array);
                continue;
            }
            if (!file.Metadata.TryGetValue(name, out var text))
            {
                if (nullable) { p.SetValue(state, null); continue; }
                throw new ModelFormatException(path, $"the metadata entry '{name}' is missing.");
            }
            p.SetValue(state, ParseScalar(underlying, text, name, path));
        }
        foreach (var t in file.Tensors)
            if (!known.Contains(t.Name)) throw new ModelFormatException(path, $"holds an unexpected tensor '{t.Name}' (written by a newer version?).");
        return state;
    }

    private static object ParseScalar(Type type, string text, string name, string path)
    {
        var inv = CultureInfo.InvariantCulture;
        bool ok;
        object? value;
        if (type == typeof(string)) return text;
        if (type == typeof(bool)) { ok = text is "true" or "false"; value = text == "true"; }
        else if (type == typeof(int)) { ok = int.TryParse(text, NumberStyles.AllowLeadingSign, inv, out var v); value = v; }
        else if (type == typeof(long)) { ok = long.TryParse(text, NumberStyles.AllowLeadingSign, inv, out var v); value = v; }
        else if (type == typeof(float)) { ok = float.TryParse(text, NumberStyles.Float, inv, out var v); value = v; }
        else if (type == typeof(double)) { ok = double.TryParse(text, NumberStyles.Float, inv, out var v); value = v; }
        else if (type.IsEnum) { ok = Enum.TryParse(type, text, ignoreCase: false, out value) && Enum.IsDefined(type, value!) && !char.IsDigit(text[0]) && text[0] != '-'; }
        else throw new NotSupportedException($"Unsupported state property type {type.Name}.");
        if (!ok) throw new ModelFormatException(path, $"the metadata entry '{name}' = '{(text.Length > 40 ? text[..40] + "…" : text)}' is not a valid {type.Name}.");
        return value!;
    }

    private static IEnumerable<PropertyInfo> Properties<T>() =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.MetadataToken);

    internal static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                bool boundary = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
                if (boundary) sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
