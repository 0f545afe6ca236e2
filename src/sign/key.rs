//! The school's key pair and its self-issued certificate. The private key exists in the clear
//! only in memory while signing; what is stored is encrypted PKCS#8 (PBES2: scrypt and
//! AES-256-CBC), which other tools (OpenSSL) can also open with the passphrase.

use chrono::{DateTime, Datelike, Months, Utc};
use der::asn1::{
    Any, BitString, GeneralizedTime, ObjectIdentifier, OctetString, SetOfVec, UtcTime,
};
use der::oid::AssociatedOid;
use der::{Decode, Encode, Tag};
use p256::ecdsa::{DerSignature, SigningKey, VerifyingKey, signature::Signer as _};
use p256::pkcs8::{DecodePrivateKey, EncodePrivateKey, EncodePublicKey};
use pkcs8::pkcs5::{pbes2, scrypt};
use pkcs8::{EncryptedPrivateKeyInfo, PrivateKeyInfo};
use rand_core::{OsRng, RngCore};
use sha2::{Digest, Sha256};
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};
use x509_cert::attr::AttributeTypeAndValue;
use x509_cert::certificate::{Certificate, TbsCertificate, Version};
use x509_cert::ext::Extension;
use x509_cert::ext::pkix::{BasicConstraints, KeyUsage, KeyUsages, SubjectKeyIdentifier};
use x509_cert::name::{Name, RdnSequence, RelativeDistinguishedName};
use x509_cert::serial_number::SerialNumber;
use x509_cert::time::{Time, Validity};

use super::{KeyPair, SignError};

/// ecdsa-with-SHA256 (RFC 5758), the certificate's and the CMS signature's algorithm.
pub(super) const ECDSA_WITH_SHA256: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");
const COUNTRY: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.6");
const ORGANIZATION: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.10");
pub(super) const COMMON_NAME: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.3");
/// organizationIdentifier (X.520), where EN 319 412-1 puts a registration number as
/// `NTR` + country + `-` + number; the 统一社会信用代码 is China's.
pub(super) const ORGANIZATION_IDENTIFIER: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("2.5.4.97");

/// scrypt N = 2^15, r = 8, p = 1: 32 MiB and a fraction of a second on an office PC, so a
/// stolen school file costs an attacker that much per guessed passphrase.
const SCRYPT_LOG_N: u8 = 15;
const SCRYPT_R: u32 = 8;
const SCRYPT_P: u32 = 1;
const VALIDITY_MONTHS: u32 = 60;

/// Makes the school's key pair and a self-issued certificate (subject: the school name and its
/// 统一社会信用代码, valid five years from `now`). The passphrase rules are the caller's.
pub fn create_key(
    school_name: &str,
    credit_code: &str,
    passphrase: &str,
    now: DateTime<Utc>,
) -> Result<KeyPair, SignError> {
    let key = SigningKey::random(&mut OsRng);
    let certificate_der = certificate(&key, school_name, credit_code, now)?;
    let encrypted_key_der = encrypt(&key, passphrase)?;
    Ok(KeyPair {
        certificate_der,
        encrypted_key_der,
    })
}

/// Re-encrypts the stored key under a new passphrase (fresh salt and IV); the key itself, and so
/// the certificate and every packet signed with it, stay as they were.
pub fn change_passphrase(
    encrypted_key_der: &[u8],
    old: &str,
    new: &str,
) -> Result<Vec<u8>, SignError> {
    let key = decrypt(encrypted_key_der, old)?;
    encrypt(&key, new)
}

/// Whether `passphrase` opens the stored key: asked before the user chooses where to save a
/// signed packet, so a typo is said before the work, not after it.
pub fn check_passphrase(encrypted_key_der: &[u8], passphrase: &str) -> Result<(), SignError> {
    decrypt(encrypted_key_der, passphrase).map(drop)
}

/// Opens the stored key and checks it belongs to the certificate, so a pair mixed up by the
/// store cannot produce signatures that no reader would accept.
pub(super) fn unlock(
    encrypted_key_der: &[u8],
    passphrase: &str,
    certificate: &Certificate,
) -> Result<SigningKey, SignError> {
    let key = decrypt(encrypted_key_der, passphrase)?;
    let public = key.verifying_key().to_encoded_point(false);
    let in_certificate = certificate
        .tbs_certificate
        .subject_public_key_info
        .subject_public_key
        .raw_bytes();
    if public.as_bytes() != in_certificate {
        return Err(SignError::Crypto("私钥与证书不匹配".into()));
    }
    Ok(key)
}

/// The public key of a certificate, if it is a P-256 key (the only kind this program makes).
pub(super) fn verifying_key(certificate: &Certificate) -> Option<VerifyingKey> {
    let spki = &certificate.tbs_certificate.subject_public_key_info;
    VerifyingKey::from_sec1_bytes(spki.subject_public_key.raw_bytes()).ok()
}

fn encrypt(key: &SigningKey, passphrase: &str) -> Result<Vec<u8>, SignError> {
    let plain = key.to_pkcs8_der().map_err(crypto("私钥编码失败"))?;
    let info = PrivateKeyInfo::try_from(plain.as_bytes()).map_err(crypto("私钥编码失败"))?;
    let mut salt = [0u8; 16];
    let mut iv = [0u8; 16];
    OsRng.fill_bytes(&mut salt);
    OsRng.fill_bytes(&mut iv);
    let params = scrypt::Params::new(SCRYPT_LOG_N, SCRYPT_R, SCRYPT_P, 32)
        .map_err(crypto("口令参数无效"))?;
    let pbes2 =
        pbes2::Parameters::scrypt_aes256cbc(params, &salt, &iv).map_err(crypto("口令参数无效"))?;
    let encrypted = info
        .encrypt_with_params(pbes2, passphrase)
        .map_err(crypto("私钥加密失败"))?;
    Ok(encrypted.as_bytes().to_vec())
}

fn crypto<E: std::fmt::Display>(what: &'static str) -> impl Fn(E) -> SignError {
    move |e| SignError::Crypto(format!("{what}：{e}"))
}

fn decrypt(encrypted_key_der: &[u8], passphrase: &str) -> Result<SigningKey, SignError> {
    let info = EncryptedPrivateKeyInfo::try_from(encrypted_key_der)
        .map_err(|e| SignError::Crypto(format!("保存的私钥已损坏：{e}")))?;
    // A wrong passphrase nearly always fails the padding check; the rare one that passes it
    // yields bytes that are no private key.
    let plain = info
        .decrypt(passphrase)
        .map_err(|_| SignError::WrongPassphrase)?;
    SigningKey::from_pkcs8_der(plain.as_bytes()).map_err(|_| SignError::WrongPassphrase)
}

fn certificate(
    key: &SigningKey,
    school_name: &str,
    credit_code: &str,
    now: DateTime<Utc>,
) -> Result<Vec<u8>, SignError> {
    let encoding = |e: der::Error| SignError::Crypto(format!("证书编码失败：{e}"));
    let name = subject(school_name, credit_code).map_err(encoding)?;
    let spki_der = key
        .verifying_key()
        .to_public_key_der()
        .map_err(|e| SignError::Crypto(format!("公钥编码失败：{e}")))?;
    let spki = SubjectPublicKeyInfoOwned::from_der(spki_der.as_bytes()).map_err(encoding)?;
    let key_id = Sha256::digest(spki.subject_public_key.raw_bytes());
    let not_after = now
        .checked_add_months(Months::new(VALIDITY_MONTHS))
        .ok_or_else(|| SignError::Crypto("有效期超出范围".into()))?;
    let algorithm = AlgorithmIdentifierOwned {
        oid: ECDSA_WITH_SHA256,
        parameters: None,
    };
    let tbs = TbsCertificate {
        version: Version::V3,
        serial_number: SerialNumber::new(&serial()).map_err(encoding)?,
        signature: algorithm.clone(),
        issuer: name.clone(),
        validity: Validity {
            not_before: time(now).map_err(encoding)?,
            not_after: time(not_after).map_err(encoding)?,
        },
        subject: name,
        subject_public_key_info: spki,
        issuer_unique_id: None,
        subject_unique_id: None,
        extensions: Some(vec![
            extension(
                BasicConstraints::OID,
                true,
                &BasicConstraints {
                    ca: false,
                    path_len_constraint: None,
                },
            )
            .map_err(encoding)?,
            extension(
                KeyUsage::OID,
                true,
                &KeyUsage(KeyUsages::DigitalSignature | KeyUsages::NonRepudiation),
            )
            .map_err(encoding)?,
            // RFC 7093 method 1: the leftmost 160 bits of the key's SHA-256.
            extension(
                SubjectKeyIdentifier::OID,
                false,
                &SubjectKeyIdentifier(OctetString::new(&key_id[..20]).map_err(encoding)?),
            )
            .map_err(encoding)?,
        ]),
    };
    let signature: DerSignature = key.sign(&tbs.to_der().map_err(encoding)?);
    let certificate = Certificate {
        tbs_certificate: tbs,
        signature_algorithm: algorithm,
        signature: BitString::from_bytes(signature.as_bytes()).map_err(encoding)?,
    };
    certificate.to_der().map_err(encoding)
}

/// C=CN, O and CN the school, organizationIdentifier its credit code: readers show the CN as
/// the signer, and the code tells two schools of the same name apart.
fn subject(school_name: &str, credit_code: &str) -> der::Result<Name> {
    let rdn = |oid: ObjectIdentifier, tag: Tag, value: &str| -> der::Result<_> {
        let attribute = AttributeTypeAndValue {
            oid,
            value: Any::new(tag, value.as_bytes())?,
        };
        Ok(RelativeDistinguishedName(SetOfVec::try_from(vec![
            attribute,
        ])?))
    };
    let mut rdns = vec![
        rdn(COUNTRY, Tag::PrintableString, "CN")?,
        rdn(ORGANIZATION, Tag::Utf8String, school_name)?,
    ];
    if !credit_code.is_empty() {
        rdns.push(rdn(
            ORGANIZATION_IDENTIFIER,
            Tag::Utf8String,
            &format!("NTRCN-{credit_code}"),
        )?);
    }
    rdns.push(rdn(COMMON_NAME, Tag::Utf8String, school_name)?);
    Ok(RdnSequence(rdns))
}

/// 128 random bits, positive and without a leading zero byte, as RFC 5280 asks.
fn serial() -> [u8; 16] {
    let mut serial = [0u8; 16];
    OsRng.fill_bytes(&mut serial);
    serial[0] = (serial[0] & 0x7f) | 0x40;
    serial
}

/// UTCTime until 2049, GeneralizedTime after, as RFC 5280 §4.1.2.5 requires.
pub(super) fn time(at: DateTime<Utc>) -> der::Result<Time> {
    let seconds = u64::try_from(at.timestamp()).map_err(|_| der::ErrorKind::DateTime)?;
    let duration = std::time::Duration::from_secs(seconds);
    if at.year() < 2050 {
        Ok(Time::UtcTime(UtcTime::from_unix_duration(duration)?))
    } else {
        Ok(Time::GeneralTime(GeneralizedTime::from_unix_duration(
            duration,
        )?))
    }
}

fn extension(oid: ObjectIdentifier, critical: bool, value: &impl Encode) -> der::Result<Extension> {
    Ok(Extension {
        extn_id: oid,
        critical,
        extn_value: OctetString::new(value.to_der()?)?,
    })
}
