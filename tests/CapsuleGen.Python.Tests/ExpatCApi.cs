namespace CapsuleGen.Python.Tests;

/// <summary>
/// CPython's <c>pyexpat.expat_CAPI</c> (Include/pyexpat.h, <c>struct PyExpat_CAPI</c>), every field in
/// the header's order: the generator lays them out as C does, so no offset is written here.
/// <c>XML_Parser</c> and the handlers are pointers (<c>nint</c>, <c>void*</c>), the enums <c>int</c>,
/// <c>XML_Size</c> and <c>unsigned long</c> <c>nuint</c>.
/// </summary>
[ImportCapsule("pyexpat.expat_CAPI", Layout = CapsuleLayout.CStruct)]
public unsafe partial interface IExpatCApi
{
    byte* Magic { get; }

    [CapsuleField(StructSize = true)]
    int Size { get; }

    int MajorVersion { get; }

    int MinorVersion { get; }

    int MicroVersion { get; }

    byte* ErrorString(int code);

    int GetErrorCode(nint parser);

    nuint GetErrorColumnNumber(nint parser);

    nuint GetErrorLineNumber(nint parser);

    int Parse(nint parser, byte* text, int length, int isFinal);

    nint ParserCreateMM(byte* encoding, void* memorySuite, byte* namespaceSeparator);

    void ParserFree(nint parser);

    void SetCharacterDataHandler(nint parser, void* handler);

    void SetCommentHandler(nint parser, void* handler);

    void SetDefaultHandlerExpand(nint parser, void* handler);

    void SetElementHandler(nint parser, void* start, void* end);

    void SetNamespaceDeclHandler(nint parser, void* start, void* end);

    void SetProcessingInstructionHandler(nint parser, void* handler);

    void SetUnknownEncodingHandler(nint parser, void* handler, void* encodingHandlerData);

    void SetUserData(nint parser, void* userData);

    void SetStartDoctypeDeclHandler(nint parser, void* start);

    int SetEncoding(nint parser, byte* encoding);

    int DefaultUnknownEncodingHandler(void* encodingHandlerData, byte* name, void* info);

    int SetHashSalt(nint parser, nuint hashSalt);
}
