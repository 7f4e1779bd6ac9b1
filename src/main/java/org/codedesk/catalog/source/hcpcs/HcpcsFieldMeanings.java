package org.codedesk.catalog.source.hcpcs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Human labels for the HCPCS detail field keys used in {@link HcpcsEntry#fields()}, and the meaning of coded values,
 * as defined by the CMS HCPCS contractor record layout (public-domain CMS definitions, worded concisely).
 *
 * <p>Repeated fields ({@code pricingIndicator1..4}, {@code typeOfService1..5}, ...) share one code table. The MOG
 * payment group table is not carried: the field is obsolete and blank in current files.
 */
public final class HcpcsFieldMeanings {

    private static final Pattern NUMBERED = Pattern.compile("([A-Za-z]+?)(\\d+)");

    /** Field keys in record-layout order, with their labels. */
    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    /** Code tables, keyed by base key (the key without its occurrence number). */
    private static final Map<String, Map<String, String>> MEANINGS = Map.of(
            "pricingIndicator", table(
                    "00", "Service not separately priced by Part B (e.g. not covered, bundled, Part A only)",
                    "11", "Price established using national RVUs",
                    "12", "Price established using national anesthesia base units",
                    "13", "Price established by carriers (e.g. not otherwise classified, individual determination)",
                    "21", "Price subject to national limitation amount",
                    "22", "Price established by carriers (e.g. gap-fills, carrier established panels)",
                    "31", "Frequently serviced DME (price subject to floors and ceilings)",
                    "32", "Inexpensive and routinely purchased DME (price subject to floors and ceilings)",
                    "33", "Oxygen and oxygen equipment (price subject to floors and ceilings)",
                    "34", "DME supplies (price subject to floors and ceilings)",
                    "35", "Surgical dressings (price subject to floors and ceilings)",
                    "36", "Capped rental DME (price subject to floors and ceilings)",
                    "37", "Ostomy, tracheostomy and urological supplies (price subject to floors and ceilings)",
                    "38", "Orthotics, prosthetics, prosthetic devices and vision services (price subject to floors and ceilings)",
                    "39", "Parenteral and enteral nutrition",
                    "45", "Customized DME items",
                    "46", "Carrier priced (e.g. not otherwise classified, individual determination, gap-filled amounts)",
                    "51", "Drugs",
                    "52", "Reasonable charge",
                    "53", "Statute",
                    "54", "Vaccinations",
                    "55", "Splints and casts",
                    "56", "IOLs inserted in a physician's office",
                    "57", "Other carrier priced",
                    "99", "Value not established"),
            "multiplePricingIndicator", table(
                    "9", "Not applicable: not priced separately by Part B (pricing indicator 00) or value not established (99)",
                    "A", "Not applicable: priced under one methodology",
                    "B", "Professional component priced using RVUs; technical component and global service priced by carriers",
                    "C", "Physician interpretation of a clinical lab service priced under the physician fee schedule; lab service under the clinical lab fee schedule",
                    "D", "Physician service priced under the physician fee schedule; clinical psychologist service under its own fee schedule (not applicable since 1998)",
                    "E", "Physician, clinical psychologist and clinical social worker services each priced under their own fee schedule (not applicable since 1998)",
                    "F", "Physician service priced by carriers; clinical psychologist and clinical social worker services under their own fee schedules (not applicable since 1998)",
                    "G", "Clinical lab service priced under reasonable charge when billed with blood products, otherwise under the clinical lab fee schedule"),
            "labCertification", table(
                    "010", "Histocompatibility testing",
                    "100", "Microbiology", "110", "Bacteriology", "115", "Mycobacteriology", "120", "Mycology",
                    "130", "Parasitology", "140", "Virology", "150", "Other microbiology",
                    "200", "Diagnostic immunology", "210", "Syphilis serology", "220", "General immunology",
                    "300", "Chemistry", "310", "Routine chemistry", "320", "Urinalysis", "330", "Endocrinology",
                    "340", "Toxicology", "350", "Other chemistry",
                    "400", "Hematology",
                    "500", "Immunohematology", "510", "ABO group and Rh type", "520", "Antibody detection (transfusion)",
                    "530", "Antibody detection (nontransfusion)", "540", "Antibody identification",
                    "550", "Compatibility testing", "560", "Other immunohematology",
                    "600", "Pathology", "610", "Histopathology", "620", "Oral pathology", "630", "Cytology",
                    "800", "Radiobioassay",
                    "900", "Clinical cytogenetics"),
            "coverageCode", table(
                    "C", "Carrier judgment",
                    "D", "Special coverage instructions apply",
                    "I", "Not payable by Medicare",
                    "M", "Non-covered by Medicare",
                    "S", "Non-covered by Medicare statute"),
            "ascGroup", table(
                    "YY", "Approved to be performed in an ambulatory surgical center"),
            "mogPaymentIndicator", table(
                    "1", "ASC covered procedure",
                    "2", "Bundled service, no separate payment",
                    "3", "Excluded from ASC list",
                    "4", "Invalid code, 90-day grace period",
                    "6", "Separate payment when furnished in an ASC",
                    "7", "ASC restricted coverage procedure",
                    "9", "ASC payment not applicable"),
            "betos", table(
                    "M1A", "Office visits - new", "M1B", "Office visits - established",
                    "M2A", "Hospital visit - initial", "M2B", "Hospital visit - subsequent",
                    "M2C", "Hospital visit - critical care", "M3", "Emergency room visit",
                    "M4A", "Home visit", "M4B", "Nursing home visit",
                    "M5A", "Specialist - pathology", "M5B", "Specialist - psychiatry",
                    "M5C", "Specialist - ophthalmology", "M5D", "Specialist - other", "M6", "Consultations",
                    "P0", "Anesthesia",
                    "P1A", "Major procedure - breast", "P1B", "Major procedure - colectomy",
                    "P1C", "Major procedure - cholecystectomy", "P1D", "Major procedure - TURP",
                    "P1E", "Major procedure - hysterectomy", "P1F", "Major procedure - explor/decompr/excis disc",
                    "P1G", "Major procedure - other",
                    "P2A", "Major procedure, cardiovascular - CABG",
                    "P2B", "Major procedure, cardiovascular - aneurysm repair",
                    "P2C", "Major procedure, cardiovascular - thromboendarterectomy",
                    "P2D", "Major procedure, cardiovascular - coronary angioplasty (PTCA)",
                    "P2E", "Major procedure, cardiovascular - pacemaker insertion",
                    "P2F", "Major procedure, cardiovascular - other",
                    "P3A", "Major procedure, orthopedic - hip fracture repair",
                    "P3B", "Major procedure, orthopedic - hip replacement",
                    "P3C", "Major procedure, orthopedic - knee replacement",
                    "P3D", "Major procedure, orthopedic - other",
                    "P4A", "Eye procedure - corneal transplant",
                    "P4B", "Eye procedure - cataract removal/lens insertion",
                    "P4C", "Eye procedure - retinal detachment",
                    "P4D", "Eye procedure - treatment of retinal lesions", "P4E", "Eye procedure - other",
                    "P5A", "Ambulatory procedures - skin", "P5B", "Ambulatory procedures - musculoskeletal",
                    "P5C", "Ambulatory procedures - inguinal hernia repair",
                    "P5D", "Ambulatory procedures - lithotripsy", "P5E", "Ambulatory procedures - other",
                    "P6A", "Minor procedures - skin", "P6B", "Minor procedures - musculoskeletal",
                    "P6C", "Minor procedures - other (Medicare fee schedule)",
                    "P6D", "Minor procedures - other (non-Medicare fee schedule)",
                    "P7A", "Oncology - radiation therapy", "P7B", "Oncology - other",
                    "P8A", "Endoscopy - arthroscopy", "P8B", "Endoscopy - upper gastrointestinal",
                    "P8C", "Endoscopy - sigmoidoscopy", "P8D", "Endoscopy - colonoscopy",
                    "P8E", "Endoscopy - cystoscopy", "P8F", "Endoscopy - bronchoscopy",
                    "P8G", "Endoscopy - laparoscopic cholecystectomy", "P8H", "Endoscopy - laryngoscopy",
                    "P8I", "Endoscopy - other",
                    "P9A", "Dialysis services (Medicare fee schedule)",
                    "P9B", "Dialysis services (non-Medicare fee schedule)",
                    "I1A", "Standard imaging - chest", "I1B", "Standard imaging - musculoskeletal",
                    "I1C", "Standard imaging - breast", "I1D", "Standard imaging - contrast gastrointestinal",
                    "I1E", "Standard imaging - nuclear medicine", "I1F", "Standard imaging - other",
                    "I2A", "Advanced imaging - CAT/CT/CTA: brain/head/neck",
                    "I2B", "Advanced imaging - CAT/CT/CTA: other",
                    "I2C", "Advanced imaging - MRI/MRA: brain/head/neck",
                    "I2D", "Advanced imaging - MRI/MRA: other",
                    "I3A", "Echography/ultrasonography - eye",
                    "I3B", "Echography/ultrasonography - abdomen/pelvis",
                    "I3C", "Echography/ultrasonography - heart",
                    "I3D", "Echography/ultrasonography - carotid arteries",
                    "I3E", "Echography/ultrasonography - prostate, transrectal",
                    "I3F", "Echography/ultrasonography - other",
                    "I4A", "Imaging/procedure - heart including cardiac catheterization",
                    "I4B", "Imaging/procedure - other",
                    "T1A", "Lab tests - routine venipuncture (non-Medicare fee schedule)",
                    "T1B", "Lab tests - automated general profiles", "T1C", "Lab tests - urinalysis",
                    "T1D", "Lab tests - blood counts", "T1E", "Lab tests - glucose",
                    "T1F", "Lab tests - bacterial cultures", "T1G", "Lab tests - other (Medicare fee schedule)",
                    "T1H", "Lab tests - other (non-Medicare fee schedule)",
                    "T2A", "Other tests - electrocardiograms", "T2B", "Other tests - cardiovascular stress tests",
                    "T2C", "Other tests - EKG monitoring", "T2D", "Other tests - other",
                    "D1A", "Medical/surgical supplies", "D1B", "Hospital beds", "D1C", "Oxygen and supplies",
                    "D1D", "Wheelchairs", "D1E", "Other DME", "D1F", "Prosthetic/orthotic devices",
                    "D1G", "Drugs administered through DME",
                    "O1A", "Ambulance", "O1B", "Chiropractic", "O1C", "Enteral and parenteral",
                    "O1D", "Chemotherapy", "O1E", "Other drugs", "O1F", "Hearing and speech services",
                    "O1G", "Immunizations/vaccinations",
                    "Y1", "Other - Medicare fee schedule", "Y2", "Other - non-Medicare fee schedule",
                    "Z1", "Local codes", "Z2", "Undefined codes"),
            "typeOfService", table(
                    "0", "Whole blood only (whole blood or packed red cells before 01/96)",
                    "1", "Medical care", "2", "Surgery", "3", "Consultation", "4", "Diagnostic radiology",
                    "5", "Diagnostic laboratory", "6", "Therapeutic radiology", "7", "Anesthesia",
                    "8", "Assistant at surgery", "9", "Other medical items or services",
                    "A", "Used durable medical equipment (DME)",
                    "B", "High risk screening mammography (obsolete 1/1/98)",
                    "C", "Low risk screening mammography (obsolete 1/1/98)",
                    "D", "Ambulance",
                    "E", "Enteral/parenteral nutrients/supplies",
                    "F", "Ambulatory surgical center (facility usage for surgical services)",
                    "G", "Immunosuppressive drugs",
                    "H", "Hospice services (discontinued 01/95)",
                    "I", "Purchase of DME, installment basis (discontinued 04/95)",
                    "J", "Diabetic shoes",
                    "K", "Hearing items and services",
                    "L", "ESRD supplies",
                    "M", "Monthly capitation payment for dialysis",
                    "N", "Kidney donor",
                    "P", "Lump sum purchase of DME, prosthetics, orthotics",
                    "Q", "Vision items or services",
                    "R", "Rental of DME",
                    "S", "Surgical dressings or other medical supplies",
                    "T", "Outpatient mental health limitation (psychological therapy before 1998)",
                    "U", "Occupational therapy",
                    "V", "Pneumococcal/flu vaccine",
                    "W", "Physical therapy",
                    "Y", "Second opinion on elective surgery (obsolete 1/97)",
                    "Z", "Third opinion on elective surgery (obsolete 1/97)"),
            "actionCode", table(
                    "A", "Add procedure or modifier code",
                    "B", "Change in both administrative data field and long description",
                    "C", "Change in long description",
                    "D", "Discontinue procedure or modifier code",
                    "F", "Change in administrative data field",
                    "N", "No maintenance for this code",
                    "P", "Payment change (MOG, pricing indicator codes, anesthesia base units, ASC)",
                    "R", "Re-activate discontinued/deleted procedure or modifier code",
                    "S", "Change in short description",
                    "T", "Miscellaneous change (BETOS, type of service)"));

    static {
        numbered("pricingIndicator", "Pricing indicator", 4);
        LABELS.put("multiplePricingIndicator", "Multiple pricing indicator");
        numbered("cimReference", "Coverage Issues Manual reference", 3);
        numbered("mcmReference", "Medicare Carriers Manual reference", 3);
        LABELS.put("statute", "Statute number");
        numbered("labCertification", "Lab certification code", 8);
        numbered("crossReference", "Cross reference code", 5);
        LABELS.put("coverageCode", "Coverage code");
        LABELS.put("ascGroup", "ASC payment group");
        LABELS.put("ascEffectiveDate", "ASC payment group effective date");
        LABELS.put("mogPaymentGroup", "MOG (OPPS) payment group");
        LABELS.put("mogPaymentIndicator", "MOG (OPPS) payment policy indicator");
        LABELS.put("mogEffectiveDate", "MOG (OPPS) effective date");
        LABELS.put("procedureNote", "Processing note number");
        LABELS.put("betos", "BETOS (Berenson-Eggers type of service)");
        numbered("typeOfService", "Type of service", 5);
        LABELS.put("anesthesiaBaseUnits", "Anesthesia base units");
        LABELS.put("codeAddedDate", "Code added date");
        LABELS.put("actionEffectiveDate", "Action effective date");
        LABELS.put("terminationDate", "Termination date");
        LABELS.put("actionCode", "Action code");
    }

    /** Labels of the entry components that are not detail fields, for callers that display a whole entry. */
    private static final Map<String, String> ENTRY_LABELS = Map.of(
            "code", "HCPCS code",
            "modifier", "Modifier",
            "longDescription", "Long description",
            "shortDescription", "Short description",
            "addDate", "Code added date");

    private HcpcsFieldMeanings() {
    }

    /** Every detail field key, in record-layout order. */
    public static List<String> keys() {
        return List.copyOf(LABELS.keySet());
    }

    /** True when {@code key} is one of the detail field keys. */
    public static boolean isKnown(String key) {
        return LABELS.containsKey(key);
    }

    /** Human label for a field key ("Coverage code"); the key itself when unknown. */
    public static String label(String key) {
        String label = LABELS.get(key);
        if (label == null) {
            label = ENTRY_LABELS.get(key);
        }
        return label != null ? label : key;
    }

    /** Meaning of a coded value, e.g. ("coverageCode", "C") gives "Carrier judgment"; empty if not coded or unknown. */
    public static Optional<String> meaning(String key, String value) {
        if (key == null || value == null) {
            return Optional.empty();
        }
        Map<String, String> table = MEANINGS.get(baseKey(key));
        return table == null ? Optional.empty() : Optional.ofNullable(table.get(value.trim().toUpperCase()));
    }

    /** Keys that carry a code table (for documentation and tests). */
    public static Set<String> codedBaseKeys() {
        return MEANINGS.keySet();
    }

    // Occurrence keys (typeOfService3) share the table of their base key (typeOfService).
    private static String baseKey(String key) {
        if (MEANINGS.containsKey(key)) {
            return key;
        }
        Matcher m = NUMBERED.matcher(key);
        return m.matches() ? m.group(1) : key;
    }

    private static void numbered(String base, String label, int count) {
        for (int i = 1; i <= count; i++) {
            LABELS.put(base + i, label + " " + i);
        }
    }

    private static Map<String, String> table(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (map.put(pairs[i], pairs[i + 1]) != null) {
                throw new IllegalStateException("duplicate code " + pairs[i]);
            }
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
