using System.Globalization;
using CapsuleGen;
using CapsuleGen.DLPack;
using Flock;
using Pond;

Console.Write("fallback: ");
Bird.CallQuack();

Capsule quack = Duck.GetQuack();
Console.WriteLine($"capsule: \"{quack.Name}\" {quack.Signature?.FunctionSignature}");

Bird.SetQuack(quack);
Console.Write("bound: ");
Bird.CallQuack();

try
{
    Bird.SetQuack(Duck.GetHonk());
}
catch (CapsuleNameMismatchException error)
{
    Console.WriteLine($"refused: {error.Message}");
}

Console.Write("still bound: ");
Bird.CallQuack();

Bird.ResetQuack();
Console.Write("unbound: ");
Bird.CallQuack();

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scale: {Bird.Scale(Duck.GetScale(), 1.5, 4)}"));

// DLPack from the package: a .NET array as a 2 x 2 tensor, read through its strides.
using DLPackTensor tensor = DLPackTensor.FromArray(new[] { 1.0, 2.0, 3.0, 4.0 }, 2, 2);
ReadOnlyStridedSpan<double> matrix = tensor.AsReadOnlyStridedSpan<double>();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tensor: {tensor}, trace {matrix[0, 0] + matrix[1, 1]}"));
