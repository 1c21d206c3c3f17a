//! The contract's string enums. Values this SDK does not know yet deserialize into
//! `Unknown` (a newer server never breaks an older client); sending one is refused by
//! parameter validation.

use std::fmt;

macro_rules! string_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $wire:literal,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $($variant,)*
            /// A value this version of the SDK does not know.
            Unknown(String),
        }

        impl $name {
            /// Every value the contract lists.
            pub const VALUES: &'static [&'static str] = &[$($wire,)*];

            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $wire,)*
                    $name::Unknown(other) => other,
                }
            }

            pub fn is_known(&self) -> bool {
                !matches!(self, $name::Unknown(_))
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $($wire => $name::$variant,)*
                    other => $name::Unknown(other.to_owned()),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                Ok($name::from(String::deserialize(deserializer)?.as_str()))
            }
        }

        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "type": "string", "enum": Self::VALUES })
            }
        }

        impl super::validate::KnownValues for $name {
            fn known(&self) -> Option<&'static [&'static str]> {
                (!self.is_known()).then_some(Self::VALUES)
            }
        }
    };
}

string_enum!(
    /// How urgent a study is.
    Severity { Normal => "normal", High => "high", Stat => "stat", }
);
string_enum!(
    /// Whether the Viewer has finished with a study.
    StudyViewerStatus { Incomplete => "incomplete", Complete => "complete", }
);
string_enum!(
    /// A user's level in the clinic.
    UserLevel { Owner => "owner", Admin => "admin", Member => "member", }
);
string_enum!(
    /// The levels an API key may give (not `owner`).
    AssignableUserLevel { Admin => "admin", Member => "member", }
);
string_enum!(
    InvitationStatus { Sent => "sent", Accepted => "accepted", Rejected => "rejected", Revoked => "revoked", }
);
string_enum!(
    /// Where an invitation came from.
    InvitedSource { Dashboard => "dashboard", Api => "api", }
);
string_enum!(
    InvitationExpiredFilter { All => "all", Expired => "expired", NotExpired => "not-expired", }
);
string_enum!(
    /// Viewport grid of an ephemeral session, rows x columns.
    ViewerLayout {
        L1x1 => "1x1", L1x2 => "1x2", L1x3 => "1x3", L1x4 => "1x4",
        L2x1 => "2x1", L2x2 => "2x2", L2x3 => "2x3", L2x4 => "2x4",
        L3x1 => "3x1", L3x2 => "3x2", L3x3 => "3x3", L3x4 => "3x4",
        L4x1 => "4x1", L4x2 => "4x2", L4x3 => "4x3", L4x4 => "4x4",
    }
);
string_enum!(
    /// A user's role in the clinic, as the dashboard lists them.
    ClinicRole {
        Doctor => "Doctor", Physician => "Physician", Surgeon => "Surgeon", Radiologist => "Radiologist",
        Cardiologist => "Cardiologist", Neurologist => "Neurologist", Urologist => "Urologist",
        Gynecologist => "Gynecologist", Endocrinologist => "Endocrinologist", Oncologist => "Oncologist",
        RadiationOncologist => "Radiation Oncologist", Hematologist => "Hematologist",
        Gastroenterologist => "Gastroenterologist", Pulmonologist => "Pulmonologist",
        Nephrologist => "Nephrologist", Rheumatologist => "Rheumatologist", Dermatologist => "Dermatologist",
        Ophthalmologist => "Ophthalmologist", Otolaryngologist => "Otolaryngologist",
        Pediatrician => "Pediatrician", Obstetrician => "Obstetrician", Psychiatrist => "Psychiatrist",
        Anesthesiologist => "Anesthesiologist", EmergencyMedicinePhysician => "Emergency Medicine Physician",
        FamilyMedicinePhysician => "Family Medicine Physician",
        InternalMedicinePhysician => "Internal Medicine Physician", Pathologist => "Pathologist",
        NuclearMedicinePhysician => "Nuclear Medicine Physician",
        PainManagementSpecialist => "Pain Management Specialist",
        InfectiousDiseaseSpecialist => "Infectious Disease Specialist", Immunologist => "Immunologist",
        PhysicianAssistant => "Physician Assistant", NursePractitioner => "Nurse Practitioner",
        CertifiedRegisteredNurseAnesthetist => "Certified Registered Nurse Anesthetist",
        Psychologist => "Psychologist", MedicalAssistant => "Medical Assistant", Scribe => "Scribe",
        RegisteredNurse => "Registered Nurse", NurseManager => "Nurse Manager",
        PatientCareCoordinator => "Patient Care Coordinator", ImagingTechnologist => "Imaging Technologist",
        LaboratoryTechnician => "Laboratory Technician",
        MedicalLaboratoryScientist => "Medical Laboratory Scientist",
        PathologistsAssistant => "Pathologists' Assistant", Phlebotomist => "Phlebotomist",
        Pharmacist => "Pharmacist", PharmacyTechnician => "Pharmacy Technician",
        PhysicalTherapist => "Physical Therapist", OccupationalTherapist => "Occupational Therapist",
        SpeechLanguagePathologist => "Speech-Language Pathologist",
        RespiratoryTherapist => "Respiratory Therapist", Nutritionist => "Nutritionist",
        FrontDeskOperator => "Front Desk Operator", RevenueCycleManager => "Revenue Cycle Manager",
        AdministrativeDirector => "Administrative Director",
        AdministrativeAssistant => "Administrative Assistant", LegalAdministrator => "Legal Administrator",
        ItAdministrator => "IT Administrator", ItSupport => "IT Support",
        SoftwareEngineer => "Software Engineer", Other => "Other",
    }
);
