// Usage: StsTools.HelpBuilder <module version folder> <fragments folder>
// Imports the built module, and for each module/help/<Cmdlet>.xml fragment fills in what the code knows
// (syntax per parameter set; each parameter's required/position/pipeline input/type) around what people wrote
// (synopsis, description, parameter descriptions, examples). Writes en-US/StsTools.dll-Help.xml.
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Xml.Linq;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: StsTools.HelpBuilder <module version folder> <fragments folder>");
    return 2;
}

var moduleDir = args[0];
var fragmentsDir = args[1];
XNamespace maml = "http://schemas.microsoft.com/maml/2004/10";
XNamespace command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
XNamespace dev = "http://schemas.microsoft.com/maml/dev/2004/10";
XNamespace msh = "http://msh";
var common = new HashSet<string>(Cmdlet.CommonParameters.Concat(Cmdlet.OptionalCommonParameters), StringComparer.OrdinalIgnoreCase);

using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
runspace.Open();
using var ps = PowerShell.Create();
ps.Runspace = runspace;
ps.AddCommand("Import-Module").AddParameter("Name", Path.Combine(moduleDir, "StsTools.psd1")).AddParameter("PassThru").Invoke();
if (ps.HadErrors)
{
    Console.Error.WriteLine("HelpBuilder: cannot import the module: " + string.Join("; ", ps.Streams.Error));
    return 1;
}

var doc = new XElement(msh + "helpItems", new XAttribute("schema", "maml"));
foreach (var file in Directory.GetFiles(fragmentsDir, "*.xml").OrderBy(f => f, StringComparer.Ordinal))
{
    var fragment = XElement.Load(file);
    var name = fragment.Element(command + "details")?.Element(command + "name")?.Value.Trim()
        ?? throw new InvalidDataException($"{file}: no command:details/command:name");
    ps.Commands.Clear();
    var info = ps.AddCommand("Get-Command").AddParameter("Name", name).AddParameter("Module", "StsTools").Invoke<CmdletInfo>().SingleOrDefault();
    if (info == null)
    {
        Console.Error.WriteLine($"HelpBuilder: {Path.GetFileName(file)} documents '{name}', which the module does not export.");
        return 1;
    }

    // Syntax: one item per parameter set, from the code.
    fragment.Elements(command + "syntax").Remove();
    var syntax = new XElement(command + "syntax");
    foreach (var set in info.ParameterSets.OrderByDescending(s => s.IsDefault))
    {
        var item = new XElement(command + "syntaxItem", new XElement(maml + "name", name));
        foreach (var p in set.Parameters.Where(p => !common.Contains(p.Name)).OrderBy(p => p.Position < 0 ? int.MaxValue : p.Position).ThenByDescending(p => p.IsMandatory))
        {
            item.Add(ParameterElement(p.Name, p.ParameterType, p.IsMandatory, p.Position, p.ValueFromPipeline, p.ValueFromPipelineByPropertyName, description: null));
        }

        syntax.Add(item);
    }

    var details = fragment.Element(maml + "description") ?? fragment.Element(command + "details")!;
    details.AddAfterSelf(syntax);

    // Parameters: keep the written descriptions, take everything else from the code.
    var parameters = fragment.Element(command + "parameters") ?? new XElement(command + "parameters");
    var written = parameters.Elements(command + "parameter")
        .ToDictionary(e => e.Element(maml + "name")!.Value.Trim(), e => e.Element(maml + "description"), StringComparer.OrdinalIgnoreCase);
    parameters.RemoveAll();
    foreach (var (pname, meta) in info.Parameters.Where(kv => !common.Contains(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal))
    {
        var inSets = meta.ParameterSets.Values;
        var mandatory = inSets.All(a => a.IsMandatory);
        var position = inSets.Select(a => a.Position).DefaultIfEmpty(int.MinValue).Max();
        var byValue = inSets.Any(a => a.ValueFromPipeline);
        var byName = inSets.Any(a => a.ValueFromPipelineByPropertyName);
        written.TryGetValue(pname, out var description);
        parameters.Add(ParameterElement(pname, meta.ParameterType, mandatory, position, byValue, byName, description));
    }

    if (parameters.Parent == null)
    {
        syntax.AddAfterSelf(parameters);
    }

    doc.Add(fragment);
}

var output = Path.Combine(moduleDir, "en-US", "StsTools.dll-Help.xml");
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
new XDocument(new XDeclaration("1.0", "utf-8", null), doc).Save(output);
Console.WriteLine($"HelpBuilder: wrote {output}");
return 0;

XElement ParameterElement(string name, Type type, bool mandatory, int position, bool byValue, bool byName, XElement? description)
{
    var pipeline = byValue && byName ? "True (ByValue, ByPropertyName)" : byValue ? "True (ByValue)" : byName ? "True (ByPropertyName)" : "False";
    var e = new XElement(command + "parameter",
        new XAttribute("required", mandatory ? "true" : "false"),
        new XAttribute("globbing", "false"),
        new XAttribute("pipelineInput", pipeline),
        new XAttribute("position", position >= 0 ? position.ToString() : "named"),
        new XElement(maml + "name", name));
    if (description != null)
    {
        e.Add(new XElement(description));
    }

    var isSwitch = type == typeof(SwitchParameter);
    if (!isSwitch)
    {
        var element = Nullable.GetUnderlyingType(type) ?? type;
        if (element.IsEnum)
        {
            e.Add(new XElement(command + "parameterValueGroup",
                Enum.GetNames(element).Select(n => new XElement(command + "parameterValue", new XAttribute("required", "false"), new XAttribute("variableLength", "false"), n))));
        }

        e.Add(new XElement(command + "parameterValue", new XAttribute("required", "true"), element.Name));
    }

    e.Add(new XElement(dev + "type", new XElement(maml + "name", (Nullable.GetUnderlyingType(type) ?? type).FullName)));
    return e;
}
