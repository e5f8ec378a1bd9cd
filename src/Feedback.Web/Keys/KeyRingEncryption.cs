using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Feedback.Web.Keys;

/// <summary>
/// Encrypts the secret part of each data-protection key (what signs cookies and antiforgery tokens and protects
/// payloads) before it is stored: AES-256-GCM under a key of <see cref="SecretStore"/>, itself sealed with the master key.
/// </summary>
internal sealed class KeyRingEncryptor(SecretStore secrets) : IXmlEncryptor
{
    internal const string ElementName = "sealedWithFeedbackKey";
    internal static readonly byte[] AssociatedData = "feedback data-protection key"u8.ToArray();
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedValue = new byte[NonceBytes + plaintext.Length + TagBytes];
        var nonce = sealedValue.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(secrets.Get(SecretStore.KeyRingKey), TagBytes);
        aes.Encrypt(nonce, plaintext, sealedValue.AsSpan(NonceBytes, plaintext.Length), sealedValue.AsSpan(^TagBytes), AssociatedData);
        return new(new XElement(ElementName, Convert.ToBase64String(sealedValue)), typeof(KeyRingDecryptor));
    }

    internal static XElement Decrypt(XElement encryptedElement, byte[] key)
    {
        var sealedValue = Convert.FromBase64String(encryptedElement.Value);
        var plaintext = new byte[sealedValue.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(sealedValue.AsSpan(0, NonceBytes), sealedValue.AsSpan(NonceBytes, plaintext.Length), sealedValue.AsSpan(^TagBytes), plaintext, AssociatedData);
        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }
}

/// <summary>
/// Opens what <see cref="KeyRingEncryptor"/> sealed. Data protection creates it by the type name stored in the key's XML,
/// with the application's services; a process without the master key cannot open the ring.
/// </summary>
internal sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        KeyRingEncryptor.Decrypt(encryptedElement, services.GetRequiredService<SecretStore>().Get(SecretStore.KeyRingKey));
}
