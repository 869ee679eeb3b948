namespace LogicNets.Tasks.Learning;

/// <summary>
/// A family of models named by a pattern rather than one name, such as <c>distill:TEACHER&gt;STUDENT</c>: the
/// catalog resolves a name that starts with <see cref="Prefix"/> by handing the rest to <see cref="Resolve"/>.
/// </summary>
/// <param name="Prefix">What the names of the family start with, e.g. <c>distill:</c>.</param>
/// <param name="Syntax">The pattern as help shows it.</param>
/// <param name="Description">What a model of the family is.</param>
/// <param name="Resolve">Builds the descriptor from the rest of the name, looking its parts up in the catalog; throws <see cref="UserInputException"/> for a bad name.</param>
public sealed record ModelForm(string Prefix, string Syntax, string Description, Func<string, ModelCatalog, ModelDescriptor> Resolve);
