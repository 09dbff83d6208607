using System.Globalization;
using CapsuleGen;
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
