using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace CapsuleGen.Generator.Tests.Infrastructure;

/// <summary>The <c>[assembly: AssemblyMetadata(key, value)]</c> pairs of a compiled assembly, read as the build reads them: from metadata, loading nothing.</summary>
internal static class MetadataPairs
{
    public static IReadOnlyList<(string Key, string? Value)> Read(byte[] assembly)
    {
        using var pe = new PEReader(new MemoryStream(assembly));
        MetadataReader reader = pe.GetMetadataReader();
        var pairs = new List<(string, string?)>();
        foreach (CustomAttributeHandle handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            CustomAttribute attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference ||
                reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent is not { Kind: HandleKind.TypeReference } parent ||
                !reader.StringComparer.Equals(reader.GetTypeReference((TypeReferenceHandle)parent).Name, "AssemblyMetadataAttribute"))
            {
                continue;
            }

            BlobReader blob = reader.GetBlobReader(attribute.Value);
            Assert.Equal(1, blob.ReadUInt16()); // the prolog of every custom attribute blob
            pairs.Add((blob.ReadSerializedString()!, blob.ReadSerializedString()));
        }

        return pairs;
    }
}
