using System.Text.Json;
using BERTopicNet.Benchmarks;

var benchmarks = typeof(IBenchmark).Assembly.GetTypes()
    .Where(t => !t.IsAbstract && typeof(IBenchmark).IsAssignableFrom(t))
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal).ToList();

if (args.Length == 0 || benchmarks.All(b => b.Name != args[0]))
{
    Console.Error.WriteLine("usage: Benchmarks NAME [--key value ...] [--json OUT.json]");
    foreach (var b in benchmarks) Console.Error.WriteLine($"  {b.Name,-14} {b.Usage}");
    return 2;
}
var bench = benchmarks.Single(b => b.Name == args[0]);
var bargs = new BenchmarkArgs(args.Skip(1));
var result = bench.Run(bargs);
result["benchmark"] = bench.Name;
result["machine"] = $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";
var json = result.ToJsonString(new JsonSerializerOptions { WriteIndented = !bench.SingleLine });
Console.WriteLine(json);
if (bargs.Get("json") is { } outPath) File.WriteAllText(outPath, json);
return 0;
