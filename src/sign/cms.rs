//! The detached CMS SignedData (RFC 5652) that goes into the PDF's /Contents: the digest of the
//! signed byte ranges in a message-digest attribute, the signing time, the certificate, and an
//! ESS signing-certificate-v2 attribute (RFC 5035) that binds the signature to that certificate
//! so a certificate swapped inside the signature is caught.

use chrono::{DateTime, Utc};
use der::asn1::{Any, ObjectIdentifier, OctetString, SetOfVec};
use der::{Decode, Encode, Reader, Sequence, SliceReader};
use p256::ecdsa::signature::{Signer as _, Verifier as _};
use p256::ecdsa::{DerSignature, Signature, SigningKey};
use sha2::{Digest, Sha256};
use spki::AlgorithmIdentifierOwned;
use x509_cert::attr::Attribute;
use x509_cert::certificate::Certificate;
use x509_cert::time::Time;

use ::cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use ::cms::content_info::{CmsVersion, ContentInfo};
use ::cms::signed_data::{
    CertificateSet, EncapsulatedContentInfo, SignedData, SignerIdentifier, SignerInfo, SignerInfos,
};

use super::SignError;
use super::key::{COMMON_NAME, ECDSA_WITH_SHA256, time, verifying_key};

const ID_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");
const ID_SIGNED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2");
const CONTENT_TYPE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.3");
const MESSAGE_DIGEST: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");
const SIGNING_TIME: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.5");
const SIGNING_CERTIFICATE_V2: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.47");
const SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
/// id-ecPublicKey: some signers name the key rather than ecdsa-with-SHA256 as the signature
/// algorithm; with SHA-256 as the digest it means the same.
const EC_PUBLIC_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const SUBJECT_KEY_IDENTIFIER: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.14");

/// SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2, policies … OPTIONAL }
#[derive(Clone, Debug, Sequence)]
struct SigningCertificateV2 {
    certs: Vec<EssCertIdV2>,
    #[asn1(optional = "true")]
    policies: Option<Any>,
}

/// ESSCertIDv2 ::= SEQUENCE { hashAlgorithm DEFAULT sha256, certHash, issuerSerial OPTIONAL };
/// written without the defaulted algorithm, as DER requires.
#[derive(Clone, Debug, Sequence)]
struct EssCertIdV2 {
    #[asn1(optional = "true")]
    hash_algorithm: Option<AlgorithmIdentifierOwned>,
    cert_hash: OctetString,
    #[asn1(optional = "true")]
    issuer_serial: Option<Any>,
}

/// Signs `digest` (SHA-256 of the PDF's signed ranges) and returns the DER ContentInfo.
pub(super) fn sign(
    digest: &[u8],
    certificate_der: &[u8],
    certificate: &Certificate,
    key: &SigningKey,
    now: DateTime<Utc>,
) -> Result<Vec<u8>, SignError> {
    build(digest, certificate_der, certificate, key, now)
        .map_err(|e| SignError::Crypto(format!("签名编码失败：{e}")))
}

fn build(
    digest: &[u8],
    certificate_der: &[u8],
    certificate: &Certificate,
    key: &SigningKey,
    now: DateTime<Utc>,
) -> der::Result<Vec<u8>> {
    let sha256 = AlgorithmIdentifierOwned {
        oid: SHA256,
        parameters: None,
    };
    let ess = SigningCertificateV2 {
        certs: vec![EssCertIdV2 {
            hash_algorithm: None,
            cert_hash: OctetString::new(Sha256::digest(certificate_der).to_vec())?,
            issuer_serial: None,
        }],
        policies: None,
    };
    let signed_attrs = SetOfVec::try_from(vec![
        attribute(CONTENT_TYPE, &ID_DATA)?,
        attribute(SIGNING_TIME, &time(now)?)?,
        attribute(MESSAGE_DIGEST, &OctetString::new(digest)?)?,
        attribute(SIGNING_CERTIFICATE_V2, &ess)?,
    ])?;
    // The signature is over the attributes as a SET OF (tag 0x31), not as the [0] IMPLICIT
    // field they are written as (RFC 5652 §5.4).
    let signature: DerSignature = key.sign(&signed_attrs.to_der()?);
    let signer_info = SignerInfo {
        version: CmsVersion::V1,
        sid: SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
            issuer: certificate.tbs_certificate.issuer.clone(),
            serial_number: certificate.tbs_certificate.serial_number.clone(),
        }),
        digest_alg: sha256.clone(),
        signed_attrs: Some(signed_attrs),
        signature_algorithm: AlgorithmIdentifierOwned {
            oid: ECDSA_WITH_SHA256,
            parameters: None,
        },
        signature: OctetString::new(signature.as_bytes())?,
        unsigned_attrs: None,
    };
    let signed_data = SignedData {
        version: CmsVersion::V1,
        digest_algorithms: SetOfVec::try_from(vec![sha256])?,
        encap_content_info: EncapsulatedContentInfo {
            econtent_type: ID_DATA,
            econtent: None,
        },
        certificates: Some(CertificateSet(SetOfVec::try_from(vec![
            CertificateChoices::Certificate(certificate.clone()),
        ])?)),
        crls: None,
        signer_infos: SignerInfos(SetOfVec::try_from(vec![signer_info])?),
    };
    ContentInfo {
        content_type: ID_SIGNED_DATA,
        content: Any::encode_from(&signed_data)?,
    }
    .to_der()
}

fn attribute(oid: ObjectIdentifier, value: &impl Encode) -> der::Result<Attribute> {
    Ok(Attribute {
        oid,
        values: SetOfVec::try_from(vec![Any::from_der(&value.to_der()?)?])?,
    })
}

/// What a signature value says, and the first reason it does not hold, if any.
pub(super) struct Reading {
    pub certificate: Option<(Certificate, Vec<u8>)>,
    pub signed_at: Option<DateTime<Utc>>,
    pub problem: Option<String>,
}

/// Checks a /Contents value (DER, then zero padding) against the digest of the signed ranges.
pub(super) fn check(contents: &[u8], digest: &[u8]) -> Reading {
    let mut reading = Reading {
        certificate: None,
        signed_at: None,
        problem: None,
    };
    if let Err(problem) = read(contents, digest, &mut reading) {
        reading.problem = Some(problem);
    }
    reading
}

fn read(contents: &[u8], digest: &[u8], reading: &mut Reading) -> Result<(), String> {
    // der's own text is English and says nothing the office can act on.
    let unreadable = |_: der::Error| "签名值无法解析，可能已被替换或损坏".to_string();
    let mut reader = SliceReader::new(contents).map_err(unreadable)?;
    let info = ContentInfo::decode(&mut reader).map_err(unreadable)?;
    let padding_start = usize::try_from(reader.position()).map_err(unreadable)?;
    if info.content_type != ID_SIGNED_DATA {
        return Err("签名值不是 CMS SignedData".into());
    }
    let signed_data: SignedData = info.content.decode_as().map_err(unreadable)?;
    let [signer] = signed_data.signer_infos.0.as_slice() else {
        return Err("签名值应只含一个签名者".into());
    };
    let certificate = signer_certificate(&signed_data, &signer.sid)
        .ok_or_else(|| "签名中没有签名者的证书".to_string())?;
    let certificate_der = certificate.to_der().map_err(unreadable)?;
    reading.certificate = Some((certificate.clone(), certificate_der.clone()));
    let attrs = signer
        .signed_attrs
        .as_ref()
        .ok_or_else(|| "签名缺少签名属性".to_string())?;
    reading.signed_at = value(attrs, SIGNING_TIME)
        .and_then(|v| Time::from_der(&v.to_der().ok()?).ok())
        .and_then(|t| {
            DateTime::from_timestamp(i64::try_from(t.to_unix_duration().as_secs()).ok()?, 0)
        });
    if contents[padding_start..].iter().any(|&b| b != 0) {
        return Err("签名值之后的填充被改动".into());
    }
    if signer.digest_alg.oid != SHA256 {
        return Err("签名使用了不支持的摘要算法（应为 SHA-256）".into());
    }
    if ![ECDSA_WITH_SHA256, EC_PUBLIC_KEY].contains(&signer.signature_algorithm.oid) {
        return Err("签名使用了不支持的签名算法（应为 ECDSA P-256）".into());
    }
    let content_type =
        value(attrs, CONTENT_TYPE).and_then(|v| v.decode_as::<ObjectIdentifier>().ok());
    if content_type != Some(ID_DATA) {
        return Err("签名属性中的内容类型不正确".into());
    }
    let message_digest = value(attrs, MESSAGE_DIGEST)
        .and_then(|v| v.decode_as::<OctetString>().ok())
        .ok_or_else(|| "签名缺少文件摘要".to_string())?;
    let key =
        verifying_key(certificate).ok_or_else(|| "签名者证书的公钥不是 P-256 密钥".to_string())?;
    let signature = Signature::from_der(signer.signature.as_bytes())
        .map_err(|_| "签名值无效，可能已被替换".to_string())?;
    let signed = attrs.to_der().map_err(unreadable)?;
    key.verify(&signed, &signature)
        .map_err(|_| "签名值无效，可能已被替换".to_string())?;
    if let Some(ess) = value(attrs, SIGNING_CERTIFICATE_V2) {
        let ess: SigningCertificateV2 = ess.decode_as().map_err(unreadable)?;
        let hash = Sha256::digest(&certificate_der);
        let first = ess
            .certs
            .first()
            .ok_or_else(|| "签名证书属性为空".to_string())?;
        let sha256 = first
            .hash_algorithm
            .as_ref()
            .is_none_or(|a| a.oid == SHA256);
        if !sha256 || first.cert_hash.as_bytes() != hash.as_slice() {
            return Err("签名所指的证书与附带的证书不符".into());
        }
    }
    if message_digest.as_bytes() != digest {
        return Err("文件内容在签署后被改动".into());
    }
    if certificate.tbs_certificate.issuer == certificate.tbs_certificate.subject {
        let tbs = certificate.tbs_certificate.to_der().map_err(unreadable)?;
        let own = Signature::from_der(certificate.signature.raw_bytes())
            .map_err(|_| "签名者证书的自签名无效".to_string())?;
        key.verify(&tbs, &own)
            .map_err(|_| "签名者证书的自签名无效".to_string())?;
    }
    Ok(())
}

fn signer_certificate<'a>(
    signed_data: &'a SignedData,
    sid: &SignerIdentifier,
) -> Option<&'a Certificate> {
    signed_data
        .certificates
        .as_ref()?
        .0
        .iter()
        .filter_map(|choice| match choice {
            CertificateChoices::Certificate(c) => Some(c),
            CertificateChoices::Other(_) => None,
        })
        .find(|c| match sid {
            SignerIdentifier::IssuerAndSerialNumber(id) => {
                id.issuer == c.tbs_certificate.issuer
                    && id.serial_number == c.tbs_certificate.serial_number
            }
            SignerIdentifier::SubjectKeyIdentifier(ski) => {
                c.tbs_certificate.extensions.iter().flatten().any(|e| {
                    e.extn_id == SUBJECT_KEY_IDENTIFIER
                        && OctetString::from_der(e.extn_value.as_bytes()).is_ok_and(|v| v == ski.0)
                })
            }
        })
}

fn value(attrs: &SetOfVec<Attribute>, oid: ObjectIdentifier) -> Option<&Any> {
    attrs.iter().find(|a| a.oid == oid)?.values.iter().next()
}

/// The common name of a certificate's subject, which is how readers name the signer.
pub(super) fn common_name(certificate: &Certificate) -> String {
    certificate
        .tbs_certificate
        .subject
        .0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
        .filter(|atv| atv.oid == COMMON_NAME)
        .filter_map(|atv| std::str::from_utf8(atv.value.value()).ok())
        .next_back()
        .unwrap_or_default()
        .to_string()
}

/// The credit code a certificate of ours names in its subject (organizationIdentifier
/// `NTRCN-…`), if it names one.
pub(super) fn credit_code(certificate: &Certificate) -> Option<String> {
    certificate
        .tbs_certificate
        .subject
        .0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
        .filter(|atv| atv.oid == super::key::ORGANIZATION_IDENTIFIER)
        .filter_map(|atv| std::str::from_utf8(atv.value.value()).ok())
        .find_map(|v| v.strip_prefix("NTRCN-"))
        .map(str::to_string)
}
