using System.Reflection;
using System.Text;

namespace BERTopicNet.PublicApi.Tests;

/// <summary>Writes an assembly's public surface as sorted, stable text lines (one member a line).</summary>
internal static class PublicApiListing
{
    public static string Of(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes())
        {
            lines.Add($"{Kind(type)} {Name(type)}{BaseList(type)}");
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var m in type.GetMembers(flags))
            {
                var line = Member(type, m);
                if (line is not null) lines.Add(line);
            }
        }
        lines.Sort(StringComparer.Ordinal);
        var sb = new StringBuilder();
        foreach (var l in lines) sb.Append(l).Append('\n');
        return sb.ToString();
    }

    private static string Kind(Type t) =>
        t.IsEnum ? "enum" : t.IsInterface ? "interface" : t.IsValueType ? "struct" :
        typeof(Delegate).IsAssignableFrom(t) ? "delegate" : t.IsAbstract && t.IsSealed ? "static class" :
        t.IsSealed ? "sealed class" : t.IsAbstract ? "abstract class" : "class";

    private static string BaseList(Type t)
    {
        var parts = new List<string>();
        if (t.BaseType is { } b && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum)) parts.Add(Name(b));
        parts.AddRange(t.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic).Select(Name).Order(StringComparer.Ordinal));
        return parts.Count == 0 ? "" : " : " + string.Join(", ", parts);
    }

    private static string? Member(Type owner, MemberInfo m)
    {
        string prefix = Name(owner) + ".";
        switch (m)
        {
            case ConstructorInfo c:
                return $"{prefix}.ctor({Params(c.GetParameters())})";
            case MethodInfo mi when !mi.IsSpecialName || mi.Name.StartsWith("op_", StringComparison.Ordinal):
                return $"{(mi.IsStatic ? "static " : "")}{prefix}{mi.Name}{Generic(mi)}({Params(mi.GetParameters())}) -> {Name(mi.ReturnType)}";
            case PropertyInfo p:
                var acc = (p.GetMethod?.IsPublic == true ? "get;" : "") + (p.SetMethod?.IsPublic == true ? (IsInit(p.SetMethod) ? "init;" : "set;") : "");
                bool isStatic = (p.GetMethod ?? p.SetMethod)?.IsStatic == true;
                return $"{(isStatic ? "static " : "")}{prefix}{p.Name}{Indexer(p)} {{ {acc} }} : {Name(p.PropertyType)}";
            case FieldInfo f when owner.IsEnum:
                return f.IsSpecialName ? null : $"{prefix}{f.Name} = {Convert.ToInt64(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}";
            case FieldInfo f:
                return $"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : "")}{(f.IsInitOnly ? "readonly " : "")}{prefix}{f.Name} : {Name(f.FieldType)}";
            case EventInfo e:
                return $"{prefix}event {e.Name} : {Name(e.EventHandlerType!)}";
            case Type nested:
                return null; // listed as its own type
            default:
                return null;
        }
    }

    private static bool IsInit(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(t => t.FullName == "System.Runtime.CompilerServices.IsExternalInit");

    private static string Indexer(PropertyInfo p) => p.GetIndexParameters() is { Length: > 0 } ps ? $"[{Params(ps)}]" : "";

    private static string Generic(MethodInfo m) => m.IsGenericMethodDefinition ? $"<{string.Join(", ", m.GetGenericArguments().Select(a => a.Name))}>" : "";

    private static string Params(ParameterInfo[] ps) => string.Join(", ", ps.Select(p =>
        $"{(p.IsOut ? "out " : p.ParameterType.IsByRef ? "ref " : "")}{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue?.ToString() ?? "null") : "")}"));

    private static string Name(Type t)
    {
        if (t.IsByRef) return Name(t.GetElementType()!);
        if (t.IsArray) return Name(t.GetElementType()!) + "[" + new string(',', t.GetArrayRank() - 1) + "]";
        if (t.IsGenericParameter) return t.Name;
        if (Nullable.GetUnderlyingType(t) is { } u) return Name(u) + "?";
        string name = t.IsNested ? Name(t.DeclaringType!) + "." + t.Name : (t.Namespace is null ? t.Name : t.Namespace + "." + t.Name);
        if (t.IsGenericType)
        {
            int tick = name.IndexOf('`', StringComparison.Ordinal);
            if (tick >= 0) name = name[..tick];
            name += "<" + string.Join(", ", t.GetGenericArguments().Select(Name)) + ">";
        }
        return name;
    }
}
