# ruff: noqa: E501  (one hand-written sentence a line)
"""Hand-written sentences (issue 22, third set) against real passages of corpus/ not used by the first two sets:
abstracts whole, 200-token chunks (rag.chunk.chunker.chunk_document, by index) of long abstracts and PMC full texts.
Written the way a clinician or a student summarises: two facts joined, numbers spelled out, rounded or as "x of y" and
fractions, trial acronyms, quantifiers (most, all, only, half, doubled), comparisons between arms, hedged and causal
wording. Writes benchmarks/support/sentences_3.jsonl (ids t001...; same fields and split rule as the other sets)."""
from sentence_sets import ROOT, C, F, G, M, N, write_set  # noqa: F401  (the error kinds the rows use)

# (passage, sentence, error kind or None, detail, features)
S = []


def add(key, rows):
    for r in rows:
        S.append((key,) + r)

add("DOI:10.1080/2162402X.2016.1191732", [
 ("Of the 97 stage III patients analysed, about 70% had tetramer-positive CD8+ T cells, and roughly two thirds (64%) had a functional T cell response.", F, "", ["joins_facts", "rounded", "fraction"]),
 ("Most stage III melanoma patients developed a functional tumor-specific T cell response after adjuvant DC vaccination.", F, "", ["quantifier"]),
 ("Median recurrence-free survival was 23 months and distant metastasis-free survival almost 37 months.", F, "", ["rounded", "joins_facts"]),
 ("Seventy percent of the 97 patients had tetramer-positive CD8+ T cells, and 24 of those 68 recognised all three epitopes.", F, "", ["number_in_words", "x_of_y", "quantifier"]),
 ("Tetramer-positive CD8+ T cells were found in 68 patients, 34 of whom responded against all three epitopes.", N, "24 changed to 34", ["x_of_y"]),
 ("All patients with tetramer-positive CD8+ T cells responded against all 3 epitopes tested.", C, "24 of 68 did", ["quantifier"]),
 ("Peptide recognition was most frequent for gp100:280-288.", C, "29%, the least frequent; tyrosinase 45% the most", ["comparison"]),
 ("DC vaccination did not induce a functional TAA-specific T cell response in most stage III patients.", G, "induces in the majority", ["quantifier"]),
 ("The dendritic cells were loaded with gp100 and MAGE-3.", M, "tyrosinase", ["plain"]),
])
add("DOI:10.1097/CJI.0000000000000127", [
 ("About five in six patients had treatment-related adverse events, but grade 3 toxicity was rare (3%).", F, "", ["fraction", "joins_facts"]),
 ("Flu-like symptoms affected two thirds of patients and injection site reactions half of them.", F, "", ["fraction", "joins_facts"]),
 ("Flu-like symptoms and injection site reactions were associated with the presence of tetramer-positive CD8 T cells.", F, "", ["hedged"]),
 ("Median follow-up was more than four times longer in stage III than in stage IV patients (54.3 vs 12.9 months).", F, "", ["comparison", "ratio_in_words"]),
 ("In stage III patients, median OS was not reached with flu-like symptoms versus 32.3 months without them.", F, "", ["plain"]),
 ("The occurrence of flu-like symptoms and injection site reactions may indicate a better immunologic and clinical outcome.", F, "", ["hedged"]),
 ("Flu-like symptoms caused longer overall survival in stage III patients.", C, "correlates, not caused", ["causal"]),
 ("In stage IV patients, median OS was 15.7 months with an injection site reaction versus 8.9 months without one.", N, "9.8 changed to 8.9 (8.9 is the flu-like figure)", ["comparison"]),
 ("In stage IV melanoma, patients without flu-like symptoms survived longer than those with them.", C, "13.1 with vs 8.9 without: direction swapped", ["comparison"]),
 ("Dendritic cell vaccination was not considered safe.", G, "safe and tolerable", ["plain"]),
 ("Patients were vaccinated with DCs loaded with gp100 and NY-ESO-1.", M, "tyrosinase", ["plain"]),
])
add("DOI:10.1158/1078-0432.CCR-11-1261", [
 ("Functional tumor antigen-specific T cells were detected in fewer than half of the vaccinated patients (19 of 43).", F, "", ["x_of_y", "quantifier"]),
 ("Intradermal vaccination was superior to intranodal vaccination in inducing functional tumor antigen-specific T cells.", F, "", ["comparison"]),
 ("Adding IL-2 raised regulatory T-cell frequencies without further boosting the antigen-specific response.", F, "", ["joins_facts", "negation_elsewhere"]),
 ("Half of the patients also received low-dose IL-2 for seven days after each vaccination.", F, "", ["fraction", "number_in_words"]),
 ("Fewer than a third of intranodally vaccinated patients (7 of 24) showed no DC migration at all.", F, "", ["x_of_y", "fraction"]),
 ("Intranodal vaccination induced more functional tumor antigen-specific T cells than intradermal vaccination.", C, "intradermal superior: subject swapped", ["comparison"]),
 ("Coadministration of IL-2 further augmented the antigen-specific T-cell response.", G, "did not further augment", ["plain"]),
 ("DC migration was completely absent in 9 of 24 intranodally vaccinated patients.", N, "7 changed to 9", ["x_of_y"]),
 ("DC migration to the lymph nodes was consistent across all intranodally vaccinated patients.", C, "highly variable", ["quantifier"]),
])
add("DOI:10.1080/2162402X.2015.1019197", [
 ("Fifteen melanoma patients were treated with mRNA-optimized DCs injected intranodally.", F, "", ["number_in_words"]),
 ("Among the 8 patients with evaluable disease, there was one mixed response and two durable stabilizations.", F, "", ["number_in_words"]),
 ("The DCs were given intranodally because they expressed little CCR7.", F, "", ["plain"]),
 ("Only two patients had T cell responses against tyrosinase in their skin-test infiltrating lymphocytes.", F, "", ["quantifier", "number_in_words"]),
 ("T cell responses against tyrosinase were found in the skin-test infiltrating lymphocytes of three patients.", N, "two changed to three", ["number_in_words"]),
 ("The vaccine induced strong immune responses against tyrosinase and gp100 in most patients.", C, "limited immunological responses", ["quantifier"]),
 ("Producing the vaccine was not feasible in every patient.", G, "feasible in all patients", ["quantifier"]),
 ("The DCs were electroporated with mRNA encoding CD40 ligand, CD80 and a constitutively active TLR4.", M, "CD70", ["plain"]),
])
add("PMID:3903508", [
 ("Objective regression was seen in 11 of the 25 patients, under half.", F, "", ["x_of_y", "quantifier"]),
 ("Of the 11 responders, only one had a complete regression, a patient with metastatic melanoma.", F, "", ["quantifier", "x_of_y"]),
 ("Severe fluid retention was the main side effect of LAK cells plus interleukin-2.", F, "", ["plain"]),
 ("Ten of the 25 patients had a partial response, nine of them with pulmonary or hepatic metastases.", F, "", ["sum", "number_in_words"]),
 ("Complete tumor regression in the melanoma patient has lasted up to 12 months after therapy.", N, "10 changed to 12", ["plain"]),
 ("Most of the 25 patients had an objective regression.", C, "11 of 25", ["quantifier"]),
 ("The side effects did not resolve after interleukin-2 was stopped.", G, "all side effects resolved", ["plain"]),
 ("Partial responses occurred in patients with metastases from melanoma, colon cancer or breast cancer.", M, "renal-cell cancer", ["plain"]),
 ("The authors concluded that LAK cells plus interleukin-2 is an effective therapy for metastatic cancer.", C, "no conclusions can be drawn yet", ["hedged"]),
])
add("PMID:28003187", [
 ("High pretreatment serum ANGPT2 was associated with shorter overall survival in patients given CTLA-4 or PD-1 blockade.", F, "", ["plain"]),
 ("The authors suggest serum ANGPT2 may serve as a predictive and prognostic biomarker for checkpoint therapy.", F, "", ["hedged"]),
 ("Checkpoint blockade raised serum ANGPT2 in many patients soon after treatment began, whereas adding bevacizumab to ipilimumab lowered it.", F, "", ["joins_facts", "comparison"]),
 ("ANGPT2 increases were linked to poorer response or overall survival.", F, "", ["hedged"]),
 ("High serum ANGPT2 caused checkpoint therapy to fail in metastatic melanoma.", C, "associated / may contribute", ["causal"]),
 ("Ipilimumab plus bevacizumab increased serum ANGPT2 concentrations.", C, "decreased", ["plain"]),
 ("ANGPT2 did not increase PD-L1 expression on M2-polarized macrophages.", G, "increased", ["plain"]),
 ("In vitro, ramucirumab blocked VEGF-induced ANGPT2 expression in tumor-associated endothelial cells.", M, "bevacizumab", ["plain"]),
])
add("PMID:29442540", [
 ("The systematic review identified 204 eligible publications from 2000 through 2017.", F, "", ["plain"]),
 ("Because high-quality evidence was scarce, the recommendations rest on expert consensus.", F, "", ["paraphrase"]),
 ("In general, grade 4 toxicities call for permanent discontinuation of ICPis, except endocrinopathies controlled by hormone replacement.", F, "", ["paraphrase"]),
 ("Grade 3 toxicities generally warrant holding ICPis and starting high-dose corticosteroids such as prednisone 1 to 2 mg/kg/d.", F, "", ["range"]),
 ("The panel's recommendations rely mostly on expert consensus because high-quality evidence was lacking.", F, "", ["paraphrase"]),
 ("Corticosteroids should be tapered over at least 6 to 8 weeks.", N, "4 to 6 weeks", ["range"]),
 ("ICPi therapy should be suspended for all grade 2 toxicities.", C, "may be suspended for most", ["quantifier"]),
 ("For grade 1 toxicities, ICPi therapy should not be continued.", G, "continued with close monitoring", ["plain"]),
 ("Some refractory cases may need rituximab or other immunosuppressive therapy.", M, "infliximab", ["plain"]),
])
add("DOI:10.1158/1078-0432.CCR-15-2205", [
 ("Four of the fourteen stage IV patients had long-term progression-free survival of 12 to 35 months.", F, "", ["x_of_y", "number_in_words", "range"]),
 ("Vaccination with CD1c+ myeloid DCs was feasible without substantial toxicity.", F, "", ["negation_elsewhere"]),
 ("About 29% of patients achieved long-term progression-free survival.", F, "", ["percent_of"]),
 ("Three of the four long-term progression-free patients developed multifunctional CD8+ T cell responses.", F, "", ["x_of_y", "number_in_words"]),
 ("Four of the sixteen patients showed long-term progression-free survival.", N, "fourteen changed to sixteen", ["number_in_words", "x_of_y"]),
 ("All four patients with long-term progression-free survival developed multifunctional CD8+ T cell responses.", C, "three of these", ["quantifier"]),
 ("Patients received autologous CD1c+ myeloid DCs loaded with tyrosinase and MART-1.", M, "gp100", ["plain"]),
 ("The patients had received previous systemic treatment for metastatic disease.", G, "without previous systemic treatment", ["plain"]),
])
add("DOI:10.1080/2162402X.2015.1067745", [
 ("Multifunctional CD8+ T cell responses induced by DC vaccination could persist for up to ten years.", F, "", ["number_in_words"]),
 ("After one DC vaccination cycle, highly functional CD8+ T cells were seen only in patients with prolonged overall survival.", F, "", ["quantifier"]),
 ("DC therapy improved the functionality of pre-existing tumor-specific CD8+ T cells in several patients.", F, "", ["quantifier"]),
 ("After one cycle of DC vaccination, highly functional CD8+ T cells were detected in all patients.", C, "only in patients with prolonged survival", ["quantifier"]),
 ("High frequencies of tumor-specific CD8+ T cells guarantee long-term tumor control.", G, "are no guarantee", ["plain"]),
 ("Highly functional CD8+ T cells after one cycle led to prolonged overall survival.", C, "only detected in those patients: association", ["causal"]),
])
add(("PMID:24331154", 4), [
 ("With concurrent chemoradiotherapy, median overall survival was about 10 months longer with tecemotide than with placebo (30.8 vs 20.6 months).", F, "", ["comparison", "rounded"]),
 ("Roughly two thirds of patients in each arm had received concurrent chemoradiotherapy.", F, "", ["fraction"]),
 ("Among patients given concurrent chemoradiotherapy, tecemotide reduced the adjusted hazard of death by 22% (HR 0.78).", F, "", ["derived_number"]),
 ("In the START trial's concurrent subgroup, 538 patients received tecemotide and 268 placebo.", F, "", ["acronym_from_title"]),
 ("In the concurrent chemoradiotherapy subgroup, the adjusted hazard ratio for death was 0.87 with tecemotide.", N, "0.78 changed to 0.87", ["plain"]),
 ("In the concurrent subgroup, median overall survival was 30.8 months with tecemotide versus 20.6 months with cyclophosphamide.", M, "placebo", ["plain"]),
])
add(("PMID:24331154", 5), [
 ("After sequential chemoradiotherapy, overall survival did not differ between tecemotide and placebo (19.4 vs 24.6 months).", F, "", ["negation_elsewhere"]),
 ("Grade 3-4 dyspnoea occurred in 5% of patients on tecemotide and 4% of those on placebo.", F, "", ["plain"]),
 ("After sequential chemoradiotherapy, tecemotide significantly prolonged overall survival compared with placebo.", C, "did not differ", ["comparison"]),
 ("Grade 3-4 pneumonia was more frequent with tecemotide than with placebo.", C, "2% vs 3%: direction swapped", ["comparison"]),
 ("Grade 3-4 central nervous system metastases were seen in 29 tecemotide patients and 16 placebo patients.", N, "6 changed to 16", ["plain"]),
])
add(("PMID:26712084", 1), [
 ("KEYNOTE-010 was an open-label phase 2/3 study run at 202 centres in 24 countries.", F, "", ["acronym_from_title"]),
 ("Patients needed PD-L1 expression on at least 1% of tumour cells and were randomised to one of two pembrolizumab doses or docetaxel.", F, "", ["joins_facts"]),
 ("The study was done at 202 academic medical centres in 42 countries.", N, "24 changed to 42", ["plain"]),
 ("The only primary endpoint was overall survival.", C, "overall survival and progression-free survival", ["quantifier"]),
])
add(("PMID:26712084", 2), [
 ("Of the 1034 patients enrolled, roughly a third went to each arm, and about half (521) had died by September 2015.", F, "", ["fraction", "joins_facts"]),
 ("Median overall survival was longest with pembrolizumab 10 mg/kg (12.7 months) and shortest with docetaxel (8.5 months).", F, "", ["comparison", "quantifier"]),
 ("About a third of the 1034 patients (343) were allocated to docetaxel.", F, "", ["fraction"]),
 ("Median overall survival was 10.4 months with pembrolizumab 2 mg/kg and 9.5 months with docetaxel.", N, "8.5 changed to 9.5", ["plain"]),
 ("Median overall survival was longer with pembrolizumab 2 mg/kg than with pembrolizumab 10 mg/kg.", C, "10.4 vs 12.7: direction swapped", ["comparison"]),
])
add(("PMID:26712084", 3), [
 ("Both pembrolizumab doses significantly prolonged overall survival compared with docetaxel, with hazard ratios of 0.71 and 0.61.", F, "", ["joins_facts"]),
 ("Overall survival with pembrolizumab 2 mg/kg was not significantly different from docetaxel.", G, "significantly longer", ["plain"]),
 ("Overall survival was significantly longer for nivolumab 10 mg/kg versus docetaxel (HR 0.61).", M, "pembrolizumab", ["plain"]),
])
add(("PMID:26970723", 1), [
 ("POPLAR recruited patients at 61 centres across 13 countries in Europe and North America.", F, "", ["acronym_from_title"]),
 ("Patients were randomised 1:1 to atezolizumab 1200 mg or docetaxel 75 mg/m2 every three weeks.", F, "", ["number_in_words"]),
 ("Patients needed measurable disease by RECIST v1.1 and an ECOG performance status of 0 or 1.", F, "", ["abbreviation"]),
 ("Patients were recruited at 61 centres across 16 countries.", N, "13 changed to 16", ["plain"]),
])
add(("PMID:26970723", 4), [
 ("The survival benefit of atezolizumab grew with PD-L1 expression, from an HR of 1.04 in TC0 and IC0 to 0.49 in TC3 or IC3.", F, "", ["joins_facts"]),
 ("Nearly three times as many patients stopped docetaxel as stopped atezolizumab because of adverse events (30 vs 11).", F, "", ["ratio_in_words", "comparison"]),
 ("Discontinuations for adverse events were 8% with atezolizumab and 22% with docetaxel.", F, "", ["plain"]),
 ("Discontinuation because of adverse events was more common with atezolizumab than with docetaxel.", C, "8% vs 22%: direction swapped", ["comparison"]),
 ("Eleven patients (8%) on atezolizumab and 30 (27%) on docetaxel discontinued because of adverse events.", N, "22% changed to 27%", ["number_in_words"]),
 ("High T-effector-interferon-γ gene expression caused improved survival with atezolizumab.", C, "patients with it had improved survival (exploratory)", ["causal"]),
 ("Improvement in overall survival was not associated with PD-L1 expression.", G, "associated with increasing PD-L1 expression", ["plain"]),
])
add(("PMID:27269741", 1), [
 ("CheckMate 032's SCLC cohort ran at 23 sites in six countries and enrolled patients who progressed after at least one platinum-based regimen.", F, "", ["acronym_from_title", "joins_facts"]),
 ("The trial was conducted at 32 sites in six countries.", N, "23 changed to 32", ["plain"]),
 ("Patients received nivolumab 3 mg/kg every 2 weeks or nivolumab plus tremelimumab every 3 weeks for four cycles.", M, "ipilimumab", ["plain"]),
])
add(("PMID:27269741", 3), [
 ("Of the 216 patients treated, 98 received nivolumab alone and 118 nivolumab plus ipilimumab.", F, "", ["sum"]),
 ("Fewer than half of the 216 patients (98) received nivolumab monotherapy.", F, "", ["quantifier"]),
 ("Nivolumab 3 mg/kg plus ipilimumab 1 mg/kg was given to 54 patients.", F, "", ["plain"]),
 ("Most patients received nivolumab 3 mg/kg monotherapy.", C, "98 of 216", ["quantifier"]),
 ("Sixty-one patients received nivolumab 1 mg/kg plus ipilimumab 3 mg/kg and 45 received nivolumab 3 mg/kg plus ipilimumab 1 mg/kg.", N, "54 changed to 45", ["number_in_words"]),
])
add(("PMID:27269741", 4), [
 ("Median follow-up was longest, about a year, for nivolumab 1 mg/kg plus ipilimumab 3 mg/kg (361 days).", F, "", ["quantifier", "rounded"]),
 ("Median follow-up was shorter with nivolumab 1 mg/kg plus ipilimumab 3 mg/kg than with nivolumab 3 mg/kg alone.", C, "361 vs 198.5 days: direction swapped", ["comparison"]),
])
add(("PMID:27745820", 1), [
 ("KEYNOTE-021's randomised cohort enrolled chemotherapy-naive stage IIIB or IV non-squamous NSCLC at 26 centres in the USA and Taiwan.", F, "", ["acronym_from_title"]),
 ("Pembrolizumab was given for 24 months alongside four cycles of carboplatin and pemetrexed, followed by pemetrexed maintenance.", F, "", ["number_in_words"]),
 ("Patients were enrolled at 26 centres in the USA and Japan.", M, "Taiwan", ["plain"]),
 ("Patients with targetable EGFR or ALK aberrations were eligible.", G, "without targetable aberrations", ["plain"]),
 ("Pembrolizumab 200 mg was combined with carboplatin and pemetrexed 500 mg/m2 every 2 weeks.", N, "3 weeks changed to 2", ["plain"]),
])
add(("PMID:27745820", 4), [
 ("Anaemia was the most common grade 3 or worse event in both groups, 12% with pembrolizumab plus chemotherapy and 15% with chemotherapy alone.", F, "", ["joins_facts", "quantifier"]),
 ("Three of the 59 patients (5%) given pembrolizumab plus chemotherapy had a grade 3 or worse decrease in neutrophil count.", F, "", ["x_of_y", "number_in_words"]),
 ("Nine of 62 patients (15%) on chemotherapy alone had grade 3 or worse anaemia.", F, "", ["x_of_y", "number_in_words"]),
 ("Grade 3 or worse anaemia was more frequent with pembrolizumab plus chemotherapy than with chemotherapy alone.", C, "12% vs 15%: direction swapped", ["comparison"]),
 ("Grade 3 or worse anaemia occurred in seven of 59 patients on pembrolizumab plus chemotherapy and nine of 64 on chemotherapy alone.", N, "62 changed to 64", ["x_of_y"]),
])
add(("PMID:30955977", 1), [
 ("KEYNOTE-042 enrolled untreated patients with a PD-L1 TPS of 1% or more at 213 centres in 32 countries.", F, "", ["acronym_from_title"]),
 ("KEYNOTE-042 was done in 213 medical centres in 23 countries.", N, "32 changed to 23", ["acronym_from_title"]),
 ("Patients with a sensitising EGFR mutation or ALK translocation could enrol.", G, "without", ["plain"]),
])
add(("PMID:30955977", 4), [
 ("Pembrolizumab significantly prolonged overall survival over chemotherapy in all three TPS populations, with the largest effect at TPS 50% or more (HR 0.69).", F, "", ["quantifier", "joins_facts"]),
 ("After a median follow-up of almost 13 months, pembrolizumab improved overall survival in every TPS population.", F, "", ["rounded", "quantifier"]),
 ("The benefit was smallest in the TPS 1% or greater population (HR 0.81).", F, "", ["comparison"]),
 ("The survival benefit of pembrolizumab was significant only in patients with a TPS of 50% or greater.", C, "all three TPS populations", ["quantifier"]),
 ("At a TPS of 20% or more, the hazard ratio for death was 0.71.", N, "0.77 changed to 0.71", ["plain"]),
])
add(("PMID:36764316", 1), [
 ("The phase 3 trial randomised patients at 148 centres in 22 countries after progression on platinum chemotherapy and a PD-1 or PD-L1 inhibitor.", F, "", ["joins_facts"]),
 ("Patients previously treated with a direct KRASG12C inhibitor were excluded.", F, "", ["plain"]),
 ("The trial ran at 184 centres in 22 countries.", N, "148 changed to 184", ["plain"]),
])
add(("PMID:36764316", 2), [
 ("Sotorasib 960 mg was taken by mouth once a day, while docetaxel 75 mg/m2 was given intravenously every three weeks.", F, "", ["number_in_words", "joins_facts"]),
 ("Progression-free survival, the primary endpoint, was judged by blinded independent central review.", F, "", ["paraphrase"]),
 ("Randomisation was stratified by previous lines of therapy, ethnicity and history of liver metastases.", M, "CNS metastases", ["plain"]),
 ("The primary endpoint was overall survival.", M, "progression-free survival", ["plain"]),
 ("The trial is still recruiting.", G, "no longer recruiting", ["plain"]),
])
add(("DOI:10.3389/fimmu.2025.1665488", 18), [
 ("In nasopharyngeal carcinoma, adding CIK cells to chemotherapy more than tripled median overall survival (32 vs 9 months).", F, "", ["ratio_in_words", "comparison"]),
 ("CIK cell therapy combined with minimally invasive procedures significantly extended recurrence-free survival in HCC patients unresponsive to conventional treatment.", F, "", ["plain"]),
 ("Median overall survival was 32 months with chemotherapy plus CIK cells against 19 months with chemotherapy alone.", N, "9 changed to 19", ["comparison"]),
 ("CIK cell therapy alone outperformed chemotherapy plus CIK cells in nasopharyngeal carcinoma.", C, "the combination outperformed chemotherapy alone", ["comparison"]),
])
add(("DOI:10.3389/fimmu.2025.1665488", 31), [
 ("An HPV-16 E7-targeted TCR-T therapy gave objective responses in half of 12 patients in a phase 1 trial.", F, "", ["fraction", "x_of_y"]),
 ("In the phase III trial, tebentafusp gave a median OS of 21.7 months, against 16.0 months in the control group.", F, "", ["comparison"]),
 ("Some patients with synovial sarcoma or melanoma achieved complete remission with NY-ESO-1-targeted TCR-T therapy.", F, "", ["quantifier"]),
 ("A TCR-T therapy targeting HPV-16 E7 produced objective responses in 8 of 12 patients.", N, "6 changed to 8", ["x_of_y"]),
 ("In 2022, Kimmtrak (tebentafusp) was approved for HLA-A*02:01-positive metastatic cutaneous melanoma.", M, "uveal melanoma", ["plain"]),
 ("NY-ESO-1-targeted TCR-T therapy produced complete remission in all patients with synovial sarcoma.", C, "some achieved complete remission", ["quantifier"]),
])
add(("DOI:10.3389/fimmu.2025.1688181", 21), [
 ("In KEYNOTE-859, pembrolizumab plus chemotherapy extended median OS by 1.4 months over chemotherapy (12.9 vs 11.5 months).", F, "", ["plain"]),
 ("Both trials reported hazard ratios for death below 0.8 (0.63 and 0.78).", F, "", ["quantifier"]),
 ("Nivolumab plus chemotherapy cut the risk of death by 37% in ATTRACTION-2 (HR 0.63).", F, "", ["derived_number"]),
 ("In ATTRACTION-2, median OS was 5.26 months with nivolumab plus chemotherapy versus 4.41 months with chemotherapy alone.", N, "4.14 changed to 4.41", ["plain"]),
 ("In the KEYNOTE-859 trial, nivolumab plus chemotherapy improved overall survival in advanced gastric cancer.", M, "pembrolizumab (nivolumab is the other trial's drug)", ["joins_facts"]),
 ("In ATTRACTION-2, nivolumab with chemotherapy did not significantly improve PFS or OS.", G, "significantly improved", ["plain"]),
])
add(("PMID:40739089", 217), [
 ("Blinatumomab roughly doubled the complete remission rate compared with chemotherapy (34% vs 16%) in relapsed or refractory B cell ALL.", F, "", ["ratio_in_words"]),
 ("Median survival was 7.7 months with blinatumomab versus 4.0 months with chemotherapy.", F, "", ["plain"]),
 ("Blinatumomab improved overall survival in relapsed or refractory B cell ALL, nearly doubling median survival.", F, "", ["ratio_in_words"]),
 ("Blinatumomab gave a median survival of 7.7 months versus 4.7 months with chemotherapy.", N, "4.0 changed to 4.7", ["plain"]),
 ("The complete remission rate was higher with chemotherapy than with blinatumomab.", C, "34% vs 16%: direction swapped", ["comparison"]),
 ("Blinatumomab almost tripled the complete remission rate over chemotherapy.", N, "34% vs 16%: doubled, not tripled", ["ratio_in_words"]),
])
add(("PMID:40940612", 106), [
 ("In the osteosarcoma model, free DFMO alone reduced tumor growth by about 23% and regorafenib alone by 39%.", F, "", ["joins_facts"]),
 ("The dual-loaded nanoparticle suppressed tumor growth by about 70%, more than the free drug combination (57%).", F, "", ["comparison"]),
 ("Mannose decoration increased uptake by M2 TAMs and raised local drug concentrations.", F, "", ["paraphrase"]),
 ("The free drug combination suppressed tumor growth more than the dual-loaded nanoparticle.", C, "57% vs 70%: direction swapped", ["comparison"]),
 ("Free DFMO and regorafenib together inhibited tumor growth by about 75%.", N, "57% changed to 75%", ["plain"]),
 ("The dual-loaded nanoparticle did not reprogram TAMs to an M1 phenotype.", G, "reprogrammed", ["plain"]),
])
add("PMID:29562145", [
 ("CheckMate 214 compared nivolumab plus ipilimumab with sunitinib in previously untreated clear-cell advanced renal-cell carcinoma.", F, "", ["acronym_from_title"]),
 ("Nivolumab plus ipilimumab gave higher overall survival and objective response rates than sunitinib in intermediate- and poor-risk patients.", F, "", ["comparison"]),
 ("Sunitinib was given orally at 50 mg once daily for 4 weeks of each 6-week cycle.", F, "", ["plain"]),
 ("Patients were randomised 1:1 to the combination or sunitinib.", F, "", ["plain"]),
 ("Overall survival was higher with sunitinib than with nivolumab plus ipilimumab among intermediate- and poor-risk patients.", C, "subject swapped", ["comparison"]),
 ("Nivolumab plus ipilimumab was given every 3 weeks for six doses before nivolumab maintenance.", N, "four doses changed to six", ["number_in_words"]),
 ("The benefit of nivolumab plus ipilimumab was shown in all risk groups.", C, "intermediate- and poor-risk", ["quantifier"]),
])


write_set(S, "t", ROOT / "benchmarks/support/sentences_3.jsonl")
