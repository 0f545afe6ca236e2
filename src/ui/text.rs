//! Every string the window shows, in one place so a second language can be added by swapping
//! this module. Field labels double as widget ids, which is how tests find a field "by its
//! label", as a user would.

pub const APP_TITLE: &str = crate::APP_NAME;

// Welcome
pub const WELCOME_HEADING: &str = "工学一体化申报助手";
pub const WELCOME_INTRO: &str = "为技工院校教务处准备工学一体化建设专业申报材料：专业申报、教师课时、教学资源包，检查无误后导出签署的申报材料。";
pub const NEW_FILE: &str = "新建学校文件…";
pub const OPEN_FILE: &str = "打开…";
pub const RECENT_FILES: &str = "最近打开";
pub const NO_RECENT: &str = "还没有打开过学校文件。";
pub const FORGET_RECENT: &str = "移除";
pub const FILE_MISSING: &str = "（文件已不存在）";
/// The school file's name and type in the new and open dialogs.
pub const SCHOOL_FILE_FILTER: &str = "学校文件";
pub const SCHOOL_FILE_NAME: &str = "学校.yth";

// New school / first run
pub const FIRST_RUN_HEADING: &str = "欢迎使用！先填写学校的基本信息";
pub const NEW_SCHOOL_HEADING: &str = "新建学校文件";
pub const NEW_SCHOOL_HINT: &str = "其余信息可以稍后在“学校信息”中补充。";
pub const SAVED_AT: &str = "学校文件保存位置：";
pub const CREATE: &str = "创建";
pub const CANCEL: &str = "取消";
pub const SCHOOL_NAME_HINT: &str = "例如：包头市第一技工学校";
pub const CHOOSE_KIND: &str = "请选择学校类型";
pub const CHOOSE_REGION: &str = "请选择所属盟市";

pub fn cannot_create_folder(dir: &std::path::Path, reason: &str) -> String {
    format!("无法创建文件夹 {}：{}", dir.display(), reason)
}

// Navigation
pub const AREA_SCHOOL: &str = "学校信息";
pub const AREA_DECLARATIONS: &str = "专业申报";
pub const AREA_WORKLOAD: &str = "教师与课时";
pub const AREA_RESOURCES: &str = "教学资源包";
pub const AREA_EXPORT: &str = "导出与签署";
pub const CLOSE_FILE: &str = "关闭文件";

// School profile
pub const NAME: &str = "学校名称";
pub const KIND: &str = "学校类型";
pub const REGION: &str = "所属盟市";
pub const CREDIT_CODE: &str = "统一社会信用代码";
pub const ADDRESS: &str = "地址";
pub const PRINCIPAL: &str = "校长";
pub const ACADEMIC_HEAD: &str = "教务处负责人";
pub const CONTACT: &str = "联系人";
pub const PHONE: &str = "联系电话";
pub const CREDIT_CODE_HINT: &str = "18位，见事业单位法人证书";
pub const PHONE_HINT: &str = "手机号或带区号的座机号";
pub const SAVE: &str = "保存";
pub const DISCARD: &str = "放弃修改";
pub const SAVED: &str = "已保存。";
pub const UNSAVED: &str = "有未保存的修改";
pub const SCHOOL_INTRO: &str = "这些信息印在申报材料的“学校基本情况”表中。";

// Leaving with unsaved edits
pub const UNSAVED_TITLE: &str = "学校信息有未保存的修改";
pub const UNSAVED_BODY: &str = "离开前要保存这些修改吗？";
pub const SAVE_AND_LEAVE: &str = "保存并离开";
pub const SAVE_AND_EXIT: &str = "保存并退出";
pub const DISCARD_AND_LEAVE: &str = "不保存";
pub const STAY: &str = "留在此页";
pub const CANNOT_SAVE_INVALID: &str = "有填写错误，无法保存。请先改正标红的项目，或选择“不保存”。";

/// Title bar: the product name, and the school once a file is open.
pub fn window_title(school: Option<&str>) -> String {
    match school {
        Some(name) => format!("{APP_TITLE} — {name}"),
        None => APP_TITLE.to_string(),
    }
}

// Resource package overview (教学资源包)
pub const RESOURCES_INTRO: &str = "每个专业的教学资源包：政策要求的五类资源各有多少、其中计入资源包的有多少（教材须经审核通过，凡编必审、凡选必审），以及各课程的完整性。";
pub const NO_RESOURCES: &str = "还没有申报专业，也没有登记教学资源。";
pub const NO_RESOURCES_FOR_SPECIALTY: &str = "尚未登记任何资源。";
pub const WHOLE_SPECIALTY: &str = "（不分课程）";
pub const COURSE: &str = "课程";
pub const COURSE_HINT: &str = "不填表示整个专业；可点下方已有课程";
pub const NOTHING_DECLARED_YET: &str = "尚未申报专业：请填写，或先到“专业申报”选择专业";

// Declaration wizard (专业申报)
pub const STEPS: [&str; 5] = ["选择批次", "选择专业", "填写专业信息", "校内审核", "确认"];
pub const BACK: &str = "上一步";
pub const NEXT: &str = "下一步";
pub const DECLARED_BEFORE: &str = "已申报：";
pub const NOTHING_DECLARED: &str = "尚未申报";
pub const SEARCH_SPECIALTY: &str = "搜索专业名称";
pub const SEARCH_SPECIALTY_HINT: &str = "搜索专业名称或拼音首字母（如 skjg）";
pub const CHOOSE: &str = "选择";
pub const CHOSEN: &str = "已选";
pub const UNVERIFIED_TAG: &str = "〔待核对〕";
pub const PROGRAMMES: &str = "培养层次与学制";
pub const ADD_PROGRAMME: &str = "添加培养层次";
pub const ENROLMENT: &str = "计划招生人数";
pub const STANDARD: &str = "课程标准";
pub const SITES: &str = "教学场地";
pub const ADD_SITE: &str = "添加教学场地";
pub const SITE_NAME: &str = "场地名称";
pub const SITE_AREA: &str = "面积（㎡）";
pub const SITE_STATIONS: &str = "工位数";
pub const SITE_CLASS: &str = "班级规模";
pub const PARTNERS: &str = "合作企业";
pub const ADD_PARTNER: &str = "添加合作企业";
pub const PARTNER_NAME: &str = "企业名称";
pub const PARTNER_CODE: &str = "统一社会信用代码";
pub const PARTNER_DATE: &str = "协议日期";
pub const PARTNER_CONTRIBUTION: &str = "企业投入";
pub const TEACHERS: &str = "一体化教师人数";
pub const REMOVE: &str = "删除";
pub const STATIONS_SHORT: &str = "工位数少于班级规模：教学场地应与班级规模相匹配（二(三)）";
pub const READINESS: &str = "教学资源包准备情况";
pub const NO_FINDINGS: &str = "没有发现问题。";
pub const EXPLANATION: &str = "说明";
pub const EXPLANATION_HINT: &str = "请写明原因和改进措施（随申报材料打印）";
pub const MARK_CHECKED: &str = "确认无误，标记为已校验";
pub const CHECKED_NEXT: &str =
    "已校验。下一步：导出申报材料 PDF，打印、签字盖章后报送盟市人社部门。";
pub const GO_TO_EXPORT: &str = "去导出";
pub const FIX: &str = "去改正";
pub const FIX_IN_RESOURCES: &str = "请在“教学资源包”中登记或审核";
pub const CANNOT_CONFIRM: &str = "还有错误未改正，或提醒未填写说明，暂不能标记为已校验。";
pub const SIGNED_READ_ONLY: &str = "本批次申报已签署，内容只读。";
pub const NEW_REVISION: &str = "新建修订版本";
pub const STATUS: &str = "状态：";
pub const ADD_BATCH: &str = "添加批次";
pub const SAVE_BATCH: &str = "保存批次";
pub const EDIT_BATCH_HINT: &str = "修改批次的名称或起止年月：";
pub const BATCH_NAME: &str = "批次名称";
pub const BATCH_START: &str = "开始年月";
pub const BATCH_END: &str = "结束年月";
pub const ADD_BATCH_HINT: &str = "新的通知公布下一批次时，在此添加：";
pub const ADD_SPECIALTY: &str = "添加专业";
pub const SAVE_SPECIALTY: &str = "保存专业";
pub const ADD_SPECIALTY_HINT: &str = "目录中没有的专业，可在此添加（待核对）：";
pub const EDIT_SPECIALTY_HINT: &str =
    "修改专业名称或培养层次；改名后，使用该名称的未签署申报、资源和课时一并更新：";
pub const NEW_SPECIALTY_NAME: &str = "新专业名称";
pub const IMPORT_CATALOGUE: &str = "导入专业目录…";
pub const CATALOGUE_HINT: &str = "目录中的专业均标为“待核对”：人社部31个工学一体化建设专业的目录公布后，可导入 CSV 或 JSON 文件更新。";
/// The catalogue's file type in the import dialog.
pub const CATALOGUE_FILTER: &str = "专业目录";
pub const BATCH_NAME_HINT: &str = "第四批";
pub const BATCH_START_HINT: &str = "开始 2026-03";
pub const BATCH_END_HINT: &str = "结束 2027-06";
pub const BATCH_MONTH_FORM: &str = "开始和结束年月请按 2026-03 的格式填写";
pub const BATCH_NAME_MISSING: &str = "请填写批次名称，如“第四批”";
/// Put before the batch's label: "已修改第四批（2026-03 至 2027-06）".
pub const BATCH_CHANGED: &str = "已修改";
pub const BATCH_ADDED: &str = "已添加";
pub const SPECIALTY_INCOMPLETE: &str = "请填写专业名称并至少选择一个培养层次";
pub const CHOOSE_SPECIALTY_FIRST: &str = "请先在上一步选择专业。";
/// The placeholder of a number-of-people field.
pub const HEADCOUNT_HINT: &str = "人数";
pub const NATIONAL_STANDARD: &str = "国家标准";
pub const SCHOOL_BASED_STANDARD: &str = "校本转化";
/// Step 5's labels; the others are the step 3 section names.
pub const SUMMARY_PROGRAMMES: &str = "培养层次";
pub const SUMMARY_TEACHERS: &str = "一体化教师";

/// A batch the school file has no name for.
pub fn batch_number(number: u32) -> String {
    format!("第{number}批")
}

/// Under the wizard's steps: "第四批 · 第1版 · 状态：草稿".
pub fn draft_status(batch: &str, revision: u32, status: &str) -> String {
    format!("{batch} · 第{revision}版 · {STATUS}{status}")
}

/// Step 2's intro, with the school kind's limit and how many are chosen.
pub fn batch_limit(kind: &str, limit: usize, chosen: usize) -> String {
    format!("{kind}每批次最多申报{limit}个专业（三(一)），已选 {chosen} 个。")
}

pub fn too_many_specialties(kind: &str, limit: usize) -> String {
    format!(
        "{kind}每批次申报建设专业原则上不超过{limit}个（内人社办发〔2022〕111号 三(一)），请先取消一个已选专业。"
    )
}

/// A catalogue specialty declared in an earlier batch.
pub fn declared_in(batch: &str) -> String {
    format!("已在{batch}申报")
}

pub fn delete_specialty_question(name: &str) -> String {
    format!("从专业目录删除“{name}”？")
}

pub fn specialty_exists(name: &str) -> String {
    format!("专业目录中已有“{name}”")
}

pub fn specialty_added(name: &str) -> String {
    format!("已添加专业“{name}”（待核对）")
}

pub fn specialty_not_found(name: &str) -> String {
    format!("专业目录中没有“{name}”（可能已被删除）")
}

pub fn specialty_unchanged(name: &str) -> String {
    format!("“{name}”没有改动")
}

pub fn specialty_deleted(name: &str) -> String {
    format!("已从专业目录删除“{name}”")
}

pub fn specialty_restored(name: &str) -> String {
    format!("已恢复专业“{name}”")
}

pub fn catalogue_not_imported(errors: &str) -> String {
    format!("未导入，文件有误：\n{errors}")
}

pub fn catalogue_imported(added: usize, replaced: usize) -> String {
    format!("已导入专业目录：新增{added}个，更新{replaced}个")
}

/// Step 4's count of what must be answered before the declaration may be checked.
pub fn findings_to_answer(errors: usize, warnings: usize, incomplete: usize) -> String {
    format!(
        "{errors} 个错误（须改正），{warnings} 个提醒（须填写说明）{}",
        incomplete_findings(incomplete)
    )
}

/// Said after the errors and warnings, only when there are any: 待补充 asks for no answer here.
fn incomplete_findings(incomplete: usize) -> String {
    if incomplete == 0 {
        String::new()
    } else {
        format!("，{incomplete} 项待补充（不影响签署，请在教师名册中补全）")
    }
}

pub fn finding_with_clause(message: &str, clause: &str) -> String {
    format!("{message}〔政策 {clause}〕")
}

/// Step 5: "中级工（三年制）40人".
pub fn programme_line(level: &str, schooling: &str, enrolment: u32) -> String {
    format!("{level}（{schooling}）{enrolment}人")
}

/// Step 5: "一体化教室 120㎡ 工位40 班额40".
pub fn site_line(name: &str, area_m2: u32, stations: u32, class_size: u32) -> String {
    format!("{name} {area_m2}㎡ 工位{stations} 班额{class_size}")
}

pub fn people(count: u32) -> String {
    format!("{count}人")
}

/// Step 5: an explanation with the warning it answers.
pub fn explained_warning(explanation: &str, about: &str) -> String {
    format!("{explanation}（针对：{about}）")
}

// Teachers and workload (教师与课时)
pub const TAB_ROSTER: &str = "教师名册";
pub const TAB_SUMMARY: &str = "课时汇总";
pub const TAB_ENTRY: &str = "教师填报";
pub const TAB_IMPORT: &str = "导入表格";
pub const SEARCH_TEACHER: &str = "搜索教师";
pub const SEARCH_TEACHER_HINT: &str = "按工号、姓名或系部搜索，搜“待补充”列出未填全的教师";
pub const NEW_TEACHER: &str = "新增教师";
pub const EDIT_TEACHER: &str = "修改教师信息";
pub const EDIT: &str = "修改";
pub const SAVE_TEACHER: &str = "保存教师";
pub const NO_TEACHERS: &str = "名册中还没有教师：可逐个新增，或在“导入表格”中导入 Excel 名册。";
pub const TEACHER_ID: &str = "工号";
pub const TEACHER_NAME: &str = "姓名";
pub const GENDER: &str = "性别";
pub const DEPARTMENT: &str = "系部";
pub const EMPLOYMENT: &str = "任职形式";
pub const ENTERPRISE: &str = "聘用企业";
pub const TEACHER_LEVEL: &str = "一体化教师等级";
pub const TITLE: &str = "职称";
pub const SKILL_LEVEL: &str = "技能等级";
pub const QUALIFICATION: &str = "教师资格";
pub const TRAINED: &str = "师资培训";
pub const INCOMPLETE: &str = "待补充";
pub const SPECIALTY: &str = "专业";
pub const ALL_TERMS: &str = "全部学期";
pub const INTEGRATED_PERIODS: &str = "一体化课时";
pub const OTHER_PERIODS: &str = "其他课时";
pub const WEIGHTED_PERIODS: &str = "折算课时";
pub const LOAD_WARNINGS: &str = "提醒";
pub const BY_TEACHER: &str = "按教师";
pub const BY_DEPARTMENT: &str = "按系部";
pub const BY_SPECIALTY: &str = "按专业";
pub const BY_COURSE: &str = "计划与实际";
pub const PLANNED_PERIODS: &str = "计划";
pub const GIVEN_PERIODS: &str = "实际";
pub const PERIOD_DIFFERENCE: &str = "差额";
pub const COUNTED_AS: &str = "计入";
pub const NOT_PLANNED: &str = "—";
pub const EXPORT_SUMMARY: &str = "导出汇总表（Excel）…";
pub const EXPORT_TEMPLATE: &str = "导出课时填报模板…";
pub const CHOOSE_TERM_FOR_TEMPLATE: &str = "请先选择一个学期，再导出该学期的填报模板。";
pub const WORKLOAD_SETTINGS: &str = "课时设置";
pub const WORKLOAD_SETTINGS_HINT: &str = "一体化课程课时按折算系数计（政策规定1.4倍，二(四)）；学校调整系数时填写新系数和起始日期，之前的课时仍按原系数。超过每周或每学期上限的教师会标出提醒。";
pub const NEW_COEFFICIENT: &str = "新折算系数";
pub const COEFFICIENT_FROM: &str = "起始日期";
pub const WEEKLY_LIMIT: &str = "每周上限（节）";
pub const TERM_LIMIT: &str = "每学期上限（节）";
pub const SAVE_SETTINGS: &str = "保存设置";
pub const ENTRY_INTRO: &str =
    "输入工号或姓名，按回车选定自己，然后登记授课：Tab 换到下一项，回车记录。";
pub const FIND_TEACHER: &str = "查找教师";
pub const FIND_TEACHER_HINT: &str = "工号或姓名，回车选定";
pub const CHANGE_TEACHER: &str = "更换教师";
pub const EXPORT_OWN_TEMPLATE: &str = "导出本人填报模板…";
pub const LESSON_DATE: &str = "日期";
pub const COURSE_NAME: &str = "课程";
pub const COURSE_KIND: &str = "课程类型";
pub const CLASS: &str = "班级";
pub const PERIODS: &str = "节数";
pub const LESSON_CONTENT: &str = "内容";
pub const RECORD: &str = "记录";
pub const RECORD_HINT: &str = "在任一项中按回车即记录；日期、课程和班级保留，方便登记下一天。";
pub const USUAL_COURSES: &str = "常用课程：";
pub const IMPORT_INTRO: &str = "从 Excel（.xlsx）或 CSV 导入教师名册或课时。先试运行：逐行列出问题，不写入任何数据；确认后才导入。同一文件再次导入不会重复。";
pub const IMPORT_HEADERS: &str = "名册表头须有：工号、姓名、性别、系部、任职形式、一体化教师等级（可另有聘用企业、职称、技能等级、教师资格，以及师资培训“培训1项目、培训1研修基地、培训1开始日期、培训1结束日期、培训1学时、培训1证书编号”和企业实践“实践1企业、实践1开始日期、实践1结束日期、实践1天数”，第2次起编号为2、3……；格式见名册模板）。课时表头须有：工号、姓名、学期、课程、课程类型、班级，以及“日期、节数”或“周课时、周数”（可另有专业、内容）。列的顺序不限。";
pub const IMPORT_ROSTER: &str = "导入教师名册…";
pub const IMPORT_HOURS: &str = "导入课时…";
pub const EXPORT_ROSTER_TEMPLATE: &str = "导出名册模板…";
/// The template's file name, offered in the save dialog.
pub const ROSTER_TEMPLATE_FILE: &str = "教师名册模板.xlsx";
pub const PROBLEM_ROWS: &str = "有问题的行：";
/// Rows imported as they are, with fields the office completes afterwards in the roster.
pub const INCOMPLETE_ROWS: &str = "待补充（照常导入，导入后请在教师名册中补全）：";
pub const CONFIRM_IMPORT: &str = "确认导入";
pub const IMPORT_GOOD_ROWS: &str = "跳过有问题的行，导入其余各行";
pub const FIX_AND_REIMPORT: &str = "建议改正表格后重新导入；跳过的行不会写入。";
/// File types in the workload screens' dialogs.
pub const EXCEL_FILTER: &str = "Excel 工作簿";
pub const SHEET_FILTER: &str = "表格";

/// What a spreadsheet export wrote.
pub fn exported(path: &std::path::Path) -> String {
    format!("已导出：{}", path.display())
}

// Teacher roster (教师名册)
pub const TITLE_HINT: &str = "如 讲师、高级讲师";
pub const SKILL_LEVEL_HINT: &str = "如 技师、高级技师";
/// The 师资培训 column of a teacher with a certificate.
pub const CERTIFIED: &str = "已取得证书";
/// What a training's or practice's wrong field is called in the messages below
/// (the practice's is [`PRACTICES`]).
pub const TRAINING_NOUN: &str = "培训";
pub const TRAINING_HOURS: &str = "培训学时";
pub const PRACTICE_DAYS: &str = "企业实践天数";

pub fn not_positive(what: &str) -> String {
    format!("{what}应为正整数")
}

pub fn date_form(what: &str) -> String {
    format!("{what}应如 {DATE_FORMS}")
}

pub fn start_date_form(what: &str) -> String {
    format!("{what}开始日期应如 {DATE_FORMS}")
}

pub fn end_date_form(what: &str) -> String {
    format!("{what}结束日期应如 {DATE_FORMS}")
}

pub fn ends_before_start(what: &str) -> String {
    format!("{what}的结束日期早于开始日期")
}

pub fn teacher_id_taken(id: &str) -> String {
    format!("工号“{id}”已在名册中")
}

pub fn teacher_saved(name: &str, id: &str) -> String {
    format!("已保存：{name}（{id}）")
}

/// Saved with fields still to complete: the teacher is kept, and the office told what is left.
pub fn teacher_saved_incomplete(name: &str, id: &str, missing: &[String]) -> String {
    format!(
        "已保存：{name}（{id}），{}。补全后点“修改”再保存即可",
        missing.join("、")
    )
}

/// The note under the roster form while something can still wait.
pub fn form_incomplete(missing: &[String]) -> String {
    format!(
        "{}：可先保存，名册和校内审核会列出，稍后补全",
        missing.join("、")
    )
}

/// The roster's 待补充 column: how many items a teacher still lacks.
pub fn incomplete_count(items: usize) -> String {
    if items == 0 {
        String::new()
    } else {
        format!("待补充 {items} 项")
    }
}

pub fn roster_incomplete(teachers: usize) -> String {
    format!("其中 {teachers} 位有待补充的项目")
}

pub fn roster_count(teachers: usize) -> String {
    format!("名册共 {teachers} 位教师")
}

/// Under the roster and the summary: what the region counts toward its 200 trained teachers.
pub fn trained_teachers(counts: &crate::domain::teacher::Counts) -> String {
    format!(
        "一体化师资：{}（有证书编号的师资培训计入全区200名一体化师资培养目标）",
        counts.describe()
    )
}

/// The 任职形式 column of a teacher employed from an enterprise.
pub fn from_enterprise(enterprise: &str) -> String {
    format!("企业聘用（{enterprise}）")
}

/// A training in the teacher's form; `certificate` is empty until it is issued.
pub fn training_line(
    project: &str,
    base: &str,
    start: chrono::NaiveDate,
    end: chrono::NaiveDate,
    hours: u32,
    certificate: &str,
) -> String {
    let certificate = if certificate.is_empty() {
        "证书未发".to_string()
    } else {
        format!("证书 {certificate}")
    };
    format!("{project}　{base}　{start} 至 {end}　{hours} 学时　{certificate}")
}

pub fn practice_line(
    enterprise: &str,
    start: chrono::NaiveDate,
    end: chrono::NaiveDate,
    days: u32,
) -> String {
    format!("{enterprise}　{start} 至 {end}　{days} 天")
}

// Workload summary and settings (课时汇总)
pub const COEFFICIENT_HINT: &str = "如 1.5";
pub const COEFFICIENT_FROM_HINT: &str = "如 2025-09-01";
pub const NO_LIMIT_HINT: &str = "不填表示不限";
pub const SETTINGS_SAVED: &str = "已保存课时设置";
pub const COEFFICIENT_FORM: &str = "折算系数应为最多两位小数的数，如 1.4";
pub const COEFFICIENT_FROM_FORM: &str = "起始日期应如 2025-09-01";

pub fn limit_not_whole(label: &str) -> String {
    format!("{label}应为整数节数，不填表示不限")
}

pub fn coefficient_set(from: chrono::NaiveDate, integrated: crate::domain::Hundredths) -> String {
    format!("已设置：自{from}起一体化课程折算系数为 {integrated}")
}

/// One coefficient in force from a date: "自2024-09-01起 1.4".
pub fn coefficient_since(from: chrono::NaiveDate, integrated: crate::domain::Hundredths) -> String {
    format!("自{from}起 {integrated}")
}

/// The totals over the summary, with the coefficients joined by "；".
pub fn summary_totals(totals: &crate::domain::workload::Totals, coefficients: &str) -> String {
    let mut said = format!(
        "一体化课时 {} 节，其他课时 {} 节，折算课时 {}（一体化课程折算系数：{coefficients}）",
        totals.integrated, totals.other, totals.weighted
    );
    if totals.development > 0 {
        said.push_str(&format!("，其中课程开发认定 {} 课时", totals.development));
    }
    if let Some(allowance) = totals.pay.allowance {
        said.push_str(&format!("；课时津贴合计 {allowance} 元"));
    }
    said
}

/// The summary workbook's file name, after the term (or [`ALL_TERMS`]).
pub fn summary_file(term: &str) -> String {
    format!("{term}课时汇总.xlsx")
}

pub fn template_file(term: &str) -> String {
    format!("{term}课时填报模板.xlsx")
}

// A teacher entering lessons (教师填报)
pub const COURSE_NAME_HINT: &str = "课程名称";
pub const CLASS_HINT: &str = "如 汽修2401班";
pub const LESSON_CONTENT_HINT: &str = "学习任务";
pub const LESSON_DATE_FORM: &str = "日期应如 2024-09-02";
pub const CHOOSE_COURSE_KIND: &str = "请选择课程类型：一体化课程或其他";
pub const PERIODS_FORM: &str = "节数应为 1 到 12 的整数";

pub fn date_outside_terms(date: chrono::NaiveDate) -> String {
    format!("{date}不在任何学期内（8月为暑假），请核对日期")
}

pub fn absent_not_in_roster(id: &str) -> String {
    format!("被代课教师的工号“{id}”不在名册中，请核对工号")
}

pub fn not_in_roster(query: &str) -> String {
    format!("名册中没有“{query}”")
}

/// The teacher's own template, offered in the save dialog.
pub fn own_template_file(teacher: &str, term: &str) -> String {
    format!("{teacher}{term}课时填报.xlsx")
}

/// A lesson written; `new_term` names the term the lesson's date created.
/// 记录类型 on the 教师填报 form, and its choices.
pub const DAY_KIND: &str = "记录类型";
pub const DAY_LESSONS: &str = "授课";
pub const DAY_CANCELLED: &str = "停课";
pub const DAY_SUBSTITUTE: &str = "代课";
pub const ABSENT_TEACHER: &str = "被代课教师工号";
pub const ABSENT_TEACHER_HINT: &str = "请假教师的工号";
pub const CANCEL_REASON_HINT: &str = "停课原因，如国庆放假";
pub const DAY_KIND_HINT: &str = "停课：计划内没有上的课，从计划中扣除。代课：替请假教师上的课，计入您本人，并从请假教师的计划中扣除。";

/// A dated entry's periods as lists and messages say them: "4节", "停课4节", "代课4节（替李强）".
pub fn day_periods(amount: &crate::domain::Amount, absent_name: Option<&str>) -> String {
    use crate::domain::Amount;
    match amount {
        Amount::Cancelled { periods, .. } => format!("停课{periods}节"),
        Amount::Substitute {
            periods, absent, ..
        } => format!("代课{periods}节（替{}）", absent_name.unwrap_or(absent)),
        _ => format!("{}节", amount.periods()),
    }
}

pub fn lesson_recorded(
    corrected: bool,
    date: chrono::NaiveDate,
    course: &str,
    class: &str,
    periods: &str,
    new_term: Option<&str>,
) -> String {
    format!(
        "{}：{date} {course} {class} {periods}{}",
        if corrected { "已更正" } else { "已记录" },
        new_term.map_or_else(String::new, |term| format!("（已新建{term}）"))
    )
}

pub fn lesson_already_recorded(date: chrono::NaiveDate, course: &str, periods: &str) -> String {
    format!("这条已记录过：{date} {course} {periods}")
}

/// Over the teacher's list of lessons in a term.
pub fn teacher_term_totals(
    term: &str,
    entries: usize,
    integrated: u64,
    other: u64,
    weighted: crate::domain::exact::Exact,
) -> String {
    format!(
        "{term}已登记 {entries} 条：一体化课时 {integrated} 节，其他课时 {other} 节，折算课时 {weighted}"
    )
}

/// When, in the teacher's list: a day's lessons or a weekly plan.
pub fn lessons_on(date: chrono::NaiveDate, periods: &str) -> String {
    format!("{date}　{periods}")
}

pub fn lessons_planned(weekly: u32, weeks: u32) -> String {
    format!("计划　每周{weekly}节×{weeks}周")
}

/// A lesson in messages: "2024-09-02 汽车电气 22汽修1班 4节".
pub fn lesson_description(
    date: chrono::NaiveDate,
    course: &str,
    class: &str,
    periods: &str,
) -> String {
    format!("{date} {course} {class} {periods}")
}

pub fn planned_description(course: &str, class: &str, weekly: u32, weeks: u32) -> String {
    format!("{course} {class} 计划每周{weekly}节×{weeks}周")
}

pub fn lesson_restored(lesson: &str) -> String {
    format!("已撤销：{lesson}")
}

/// A lesson recorded again with other periods or kind.
pub fn replace_question(old: &str, periods: &str, kind: &str) -> String {
    format!("已记录过：{old}。替换为 {periods}（{kind}）？")
}

// Importing a sheet (导入表格)
pub fn reading(file: &str) -> String {
    format!("正在读取 {file}…")
}

pub fn dry_run(file: &str) -> String {
    format!("试运行：{file}")
}

/// What the import will change: "导入将新增 3 位教师。".
pub fn import_will(changes: &str) -> String {
    format!("导入将{changes}。")
}

pub fn new_term(name: &str, start: chrono::NaiveDate, end: chrono::NaiveDate) -> String {
    format!("将新建学期：{name}（{start} 至 {end}）")
}

pub fn more_problems(count: usize) -> String {
    format!("另有 {count} 个问题未列出")
}

pub fn imported(file: &str, changes: &str) -> String {
    format!("已导入 {file}：{changes}")
}

// Resource inventory (资源清单)
pub const TAB_OVERVIEW: &str = "完整性一览";
pub const TAB_INVENTORY: &str = "资源清单";
pub const ALL: &str = "全部";
pub const RESOURCE_KIND: &str = "类别";
pub const ORIGIN: &str = "来源";
pub const REVIEW_STATE: &str = "审核";
pub const SEARCH_RESOURCE: &str = "搜索资源";
pub const SEARCH_RESOURCE_HINT: &str = "按名称搜索";
pub const NEW_RESOURCE: &str = "登记资源";
pub const EDIT_RESOURCE: &str = "修改资源";
pub const SPECIALTY_AND_COURSE: &str = "专业 / 课程";
pub const ORIGIN_AND_REVIEW: &str = "来源 / 审核";
pub const CONFIRM_DELETE: &str = "确认删除";
pub const DELETE_CAN_UNDO: &str = "删除后可立即点“撤销”恢复；文件历史中会记下这次删除。";
pub const UNDO: &str = "撤销";
pub const REPLACE_ENTRY: &str = "替换";
pub const REPLACE_HINT: &str =
    "同一天、同一课程和班级只记一条；若这是另一节课，请取消并改填课程或班级。替换后可点“撤销”。";
pub const CHOOSE_TEACHER_FIRST: &str = "请先选择教师";
pub const RESOURCE_TITLE: &str = "资源名称";
pub const FILES: &str = "文件";
pub const REVIEW: &str = "审核…";
pub const ATTACH_FILE: &str = "添加文件…";
pub const PUBLISHER: &str = "出版社";
pub const ISBN: &str = "ISBN";
pub const EDITION: &str = "版次";
pub const IN_CATALOGUE: &str = "规划教材目录";
pub const CHIEF_EDITOR: &str = "主编";
pub const EDITORS: &str = "编写人员";
pub const SAVE_RESOURCE: &str = "保存资源";
pub const REVIEW_TITLE: &str = "教材审核";
pub const REVIEW_HINT: &str = "凡编必审、凡选必审（二(一)）：只有“通过”和“修改后通过”计入资源包；审核记录全部保留，以最近一次为准。";
pub const CONCLUSION: &str = "审核结论";
pub const REVIEWERS: &str = "审核人";
pub const REVIEW_DATE: &str = "审核日期";
pub const OPINION: &str = "审核意见";
pub const SAVE_REVIEW: &str = "保存审核";
pub const CHECK_FILES: &str = "检查文件";
pub const CHECKING_FILES: &str = "正在检查文件（逐个重新计算 SHA-256）…";
pub const SPECIALTY_MISSING: &str = "请填写专业";
pub const TEXTBOOK_ORIGIN_MISSING: &str = "教材须选择来源：自编或选用";
/// Added to the message when a new textbook is registered.
pub const TEXTBOOK_NEEDS_REVIEW: &str = "。教材须经审核通过才计入资源包";
pub const ISBN_HINT: &str = "ISBN-13 或 ISBN-10";
pub const EDITION_HINT: &str = "如 第2版";
pub const CHIEF_EDITOR_HINT: &str = "教师姓名";
pub const EDITORS_HINT: &str = "多人用顿号分隔";
/// The two choices of a yes-or-no field (规划教材目录).
pub const YES: &str = "是";
pub const NO: &str = "否";
/// After a selected textbook's origin in the list: "选用·规划教材".
pub const IN_CATALOGUE_MARK: &str = "·规划教材";
pub const CHOOSE_CONCLUSION: &str = "请选择审核结论";
pub const REVIEWERS_MISSING: &str = "请填写审核人或审核委员会";
pub const REVIEW_DATE_FORM: &str = "审核日期应如 2024-09-02";
pub const REVIEWERS_HINT: &str = "审核人或审核委员会";

/// A resource registered or, when `changed`, corrected: "已登记：机械制图（教材）".
pub fn resource_saved(changed: bool, title: &str, kind: &str) -> String {
    format!(
        "{}：{title}（{kind}）",
        if changed { "已修改" } else { "已登记" }
    )
}

/// Added to the message when a textbook's editors are not all on the roster.
pub fn editors_not_in_roster(names: &str) -> String {
    format!("；{names}不在教师名册中")
}

/// Under the 主编 field while what is typed is not a teacher's name.
pub fn editor_not_in_roster(typed: &str) -> String {
    format!("“{typed}”不在教师名册中")
}

pub fn roster_matches(names: &str) -> String {
    format!("名册中的教师：{names}")
}

/// The 文件 column: how many files an item has.
pub fn file_count(files: usize) -> String {
    format!("{files} 个")
}

pub fn delete_resource_question(title: &str, reviews: usize, files: usize) -> String {
    let mut with = Vec::new();
    if reviews > 0 {
        with.push(format!("{reviews} 条审核记录"));
    }
    if files > 0 {
        with.push(format!("{files} 个文件的登记（文件本身不删除）"));
    }
    if with.is_empty() {
        format!("删除“{title}”？")
    } else {
        format!("删除“{title}”及其{}？", with.join("、"))
    }
}

pub fn review_recorded(conclusion: &str, counts: bool) -> String {
    format!(
        "已记录审核：{conclusion}{}",
        if counts {
            "，计入资源包"
        } else {
            "，不计入资源包"
        }
    )
}

pub fn file_attached(path: &str, bytes: u64) -> String {
    format!("已添加文件：{path}（{bytes} 字节，已记录 SHA-256）")
}

pub fn hashing_progress(name: &str, done_mb: u64, total_mb: u64) -> String {
    format!("正在计算 {name} 的 SHA-256：{done_mb} / {total_mb} MB")
}

pub fn files_checked(count: usize, problems: usize) -> String {
    format!("检查了 {count} 个文件，{problems} 个缺失或已改动。")
}

// Export (导出与签署)
pub const EXPORT_INTRO: &str = "按批次导出申报材料 PDF：封面、目录、学校基本情况、建设专业申报表、教师名册与课时汇总、资源包清单、承诺与签署页。PDF 内附全部数据（JSON），盟市人社部门无需重新录入。";
pub const NOTHING_TO_EXPORT: &str = "还没有申报：请先在“专业申报”中完成一个批次。";
pub const SIGN_DATE: &str = "落款日期";
pub const EXPORT_PACKET: &str = "导出申报材料…";
pub const EXPORT_BLOCKED: &str = "有错误未改正，不能导出。请先在“专业申报”中改正。";
pub const OPEN_PACKET: &str = "打开";
pub const PRINT_PACKET: &str = "打印";
pub const OPENED: &str = "已用系统的 PDF 阅读器打开。";
pub const SENT_TO_PRINTER: &str = "已送默认打印机。";
pub const SIGNATURES: &str = "签字与盖章";
pub const SIGNATURES_HINT: &str =
    "存了图片的印在签署页上，没有的留横线手签。印章请用透明背景的 PNG。";
pub const PICK_IMAGE: &str = "选择图片…";
pub const SIGN_DATE_FORM: &str = "落款日期应如 2026-11-29";
pub const PNG_FILTER: &str = "PNG 图片";
pub const NO_IMAGE: &str = "未存图片：打印签字横线";

/// The packet's file name offered in the save dialog, after the batch.
pub fn packet_file_name(batch: &str) -> String {
    format!("{batch}申报材料.pdf")
}

/// The check's findings in one line; `unexplained` when warnings still lack an explanation.
pub fn check_summary(
    errors: usize,
    warnings: usize,
    incomplete: usize,
    unexplained: bool,
) -> String {
    format!(
        "校内审核：{errors} 个错误，{warnings} 个提醒{}{}",
        incomplete_findings(incomplete),
        if unexplained {
            "（有提醒尚未填写说明，请在“专业申报”第4步填写，说明会随材料打印）"
        } else {
            ""
        }
    )
}

/// The signatures hint with who fills in the form (the school's contact).
pub fn signatures_hint(filler: &str) -> String {
    format!(
        "{SIGNATURES_HINT}填表人：{}",
        if filler.is_empty() {
            "（未填，在“学校信息”的联系人中填写）"
        } else {
            filler
        }
    )
}

pub fn image_transparent(width: u32, height: u32) -> String {
    format!("已存图片（{width}×{height}，透明背景）")
}

pub fn image_opaque(width: u32, height: u32) -> String {
    format!("已存图片（{width}×{height}，无透明背景，会遮住下面的文字）")
}

/// The file dialog's title for a role's image (公章, 校长签名…).
pub fn pick_image_title(role: &str) -> String {
    format!("选择{role}图片（PNG）")
}

pub fn image_saved(role: &str) -> String {
    format!("已保存{role}图片")
}

pub fn image_removed(role: &str) -> String {
    format!("已移除{role}图片，打印时留签字横线")
}

pub fn generating_packet(percent: f32) -> String {
    format!("正在生成申报材料… {percent:.0}%")
}

pub fn packet_exported(signed: bool, path: &std::path::Path, kilobytes: usize) -> String {
    format!(
        "已导出{}：{}（{kilobytes} KB）",
        if signed { "并签署" } else { "" },
        path.display()
    )
}

pub fn cannot_open_pdf(reason: &str) -> String {
    format!("无法打开 PDF（{reason}），请在文件夹中双击打开")
}

pub fn cannot_print(reason: &str) -> String {
    format!("无法送打印机（{reason}），请打开 PDF 后从阅读器打印")
}

// Digital signature (数字签名)
pub const DIGITAL_SIGNATURE: &str = "数字签名";
pub const DIGITAL_SIGNATURE_HINT: &str = "签署后的 PDF 任何改动都能被发现（本程序和其他 PDF 软件均可验证）。私钥只以口令加密后保存在学校文件中；忘记口令只能更换密钥，之前签署的材料仍可验证。导出时填写签署口令即签署，不填则不签署。";
pub const NEW_PASSPHRASE: &str = "新口令";
pub const REPEAT_PASSPHRASE: &str = "再次输入新口令";
pub const CURRENT_PASSPHRASE: &str = "当前口令";
pub const SIGNING_PASSPHRASE: &str = "签署口令";
pub const CREATE_KEY: &str = "创建签署密钥";
pub const CHANGE_PASSPHRASE: &str = "更改口令";
pub const REPLACE_KEY: &str = "忘记口令，更换密钥";
pub const REPLACE_KEY_HINT: &str =
    "更换密钥后请把新证书交给接收材料的部门；用旧密钥签署的材料仍然有效。";
pub const EXPORT_CERTIFICATE: &str = "导出证书…";
pub const VERIFY_PACKET: &str = "验证签名…";
pub const TRUST_CERTIFICATE: &str = "添加信任的证书…";
pub const PASSPHRASES_DIFFER: &str = "两次输入的口令不一致";
pub const NO_SIGNING_KEY: &str = "学校还没有签署密钥";
pub const PASSPHRASE_CHANGED: &str = "已更改口令";
/// The certificate's file type and name in the file dialogs.
pub const CERTIFICATE_FILTER: &str = "证书";
pub const CERTIFICATE_FILE: &str = "学校证书.pem";

pub fn key_created(fingerprint: &str) -> String {
    format!("已创建签署密钥，证书指纹：{fingerprint}")
}

pub fn key_fingerprint(fingerprint: &str, created: &str) -> String {
    format!("证书指纹（SHA-256）：{fingerprint}　创建于 {created}")
}

pub fn certificate_exported(path: &std::path::Path) -> String {
    format!("已导出证书：{}", path.display())
}

pub fn certificate_trusted(name: &str, fingerprint: &str) -> String {
    format!("已信任证书 {name}（{fingerprint}）")
}

/// Heads the result of checking a packet's signature.
pub fn verifying(path: &std::path::Path) -> String {
    format!("验证：{}", path.display())
}

// Starting the window
pub const NO_DISPLAY: &str = "错误：这里无法打开窗口：没有图形界面（未设置 DISPLAY 或 WAYLAND_DISPLAY，例如通过 SSH 或在字符终端登录时）。\n请在桌面上启动程序；不需要窗口的命令可以在这里使用，如 yitihua info、check、export、report、import-table、dump，用 yitihua --help 查看全部命令。";
pub const WINDOW_FAILED: &str = "错误：无法打开窗口（图形系统初始化失败）。请确认在桌面环境中启动；不需要窗口的命令仍可使用，用 yitihua --help 查看。";
pub const WINDOW_CRASHED: &str = "错误：程序内部出错，窗口已关闭。已保存的数据都在学校文件中，不会丢失；请重新打开程序，若一再出现，请联系开发者。";

// Work on a background thread
/// What the user reads when the work died: the panic's own text is English and for us, not
/// for the office.
pub const BACKGROUND_CRASHED: &str = "后台处理时程序内部出错，操作没有完成，也没有留下不完整的文件。窗口可以继续使用，请重试；若一再出现，请联系开发者。";

// Paging long tables
pub const PREVIOUS_PAGE: &str = "上一页";
pub const NEXT_PAGE: &str = "下一页";

/// "第 2/5 页，共 230 条": the page and the number of pages counted from 1.
pub fn page_position(page: usize, pages: usize, rows: usize) -> String {
    format!("第 {page}/{pages} 页，共 {rows} 条")
}

// A specialty's resource readiness, one item per kind
pub fn readiness_missing(kind: &str) -> String {
    format!("{kind}：缺")
}

pub fn readiness_counted(kind: &str, items: usize, counted: usize) -> String {
    format!("{kind}：{items}项（计入{counted}）")
}

/// A date field whose text is not a date; the value is kept in the field, not stored.
pub fn unreadable_date(typed: &str) -> String {
    format!("“{}”不是日期，未保存：请写成 {DATE_FORMS}", typed.trim())
}

pub const BACK_TO_DRAFT: &str = "已校验的申报有了改动，状态改回“草稿”：请在第 4 步重新检查并确认。";

/// A filled-in specialty taken out of the draft: what was typed waits to be chosen again.
pub fn set_aside(name: &str) -> String {
    format!("已取消“{name}”；已填写的内容暂存，重新选择该专业即可恢复")
}

pub fn brought_back(name: &str) -> String {
    format!("已恢复“{name}”此前填写的内容")
}

/// An explanation whose warning no longer appears (the data it was about changed).
pub const WARNING_GONE: &str = "该提醒已不再出现";

// Deleting and undoing, on every screen
/// Asked before deleting, with the thing as the screen describes it.
pub fn delete_question(what: &str) -> String {
    format!("删除{what}？")
}

pub fn deleted(what: &str) -> String {
    format!("已删除{what}")
}

pub fn restored(what: &str) -> String {
    format!("已恢复{what}")
}

/// A lesson or a resource deleted, as its list describes it.
pub fn deleted_entry(what: &str) -> String {
    format!("已删除：{what}")
}

pub fn restored_entry(what: &str) -> String {
    format!("已恢复：{what}")
}

pub const TRAININGS: &str = "师资培训";
pub const PRACTICES: &str = "企业实践";
pub const TRAINING_FIELDS: [&str; 6] = [
    "培训项目",
    "研修基地",
    "培训开始",
    "培训结束",
    "学时",
    "证书编号",
];
pub const PRACTICE_FIELDS: [&str; 4] = ["实践企业", "实践开始", "实践结束", "天数"];
pub const ACHIEVEMENTS: &str = "成果认定（国家一体化课程标准、全国规划教材）";
pub const ACHIEVEMENT_KIND: &str = "成果类别";
pub const ACHIEVEMENT_FIELDS: [&str; 3] = ["成果名称", "本人角色", "成果日期"];
pub const ACHIEVEMENT_ROLE_HINT: &str = "如 主编、副主编、参编、主持、参与";
pub const ADD_ACHIEVEMENT: &str = "添加成果";
pub const UPDATE_ACHIEVEMENT: &str = "保存成果修改";
pub const CHOOSE_EVIDENCE: &str = "选择佐证材料…";
pub const NO_EVIDENCE: &str = "未选佐证材料（可选：证书、聘书或教材版权页的扫描件）";
pub const EVIDENCE_PATH_HINT: &str = "如 D:\\教务处\\成果\\聘书.pdf";
pub const ACHIEVEMENT_TITLE_MISSING: &str = "请填写成果名称（课程标准或教材的名称）";
pub const ACHIEVEMENT_ROLE_MISSING: &str = "请填写本人角色，如 主编、参编、参与";
pub const ACHIEVEMENT_DATE: &str = "成果日期";
pub const REMOVE_ON_SAVE: &str = "点“保存教师”后生效；不保存则不删除。";
pub const CERTIFICATE: &str = "工作量证明";
pub const CERTIFICATE_PATH_HINT: &str = "如 D:\\教务处\\工作量证明.pdf";

/// A 成果 in the teacher's form.
pub fn achievement_line(a: &crate::domain::Achievement) -> String {
    let evidence = match &a.evidence {
        Some(f) => format!("佐证 {}", f.path),
        None => "无佐证材料".to_string(),
    };
    format!(
        "{}　{}　{}　{}　{evidence}",
        a.kind.name(),
        a.title,
        a.role,
        a.date
    )
}

pub fn evidence_chosen(path: &str, size: u64) -> String {
    format!("佐证材料：{path}（{} KB）", size.div_ceil(1024))
}

pub fn evidence_unreadable(path: &std::path::Path, reason: &str) -> String {
    format!(
        "无法读取佐证材料 {}：{reason}。请确认文件存在且未被其他程序占用后重新选择",
        path.display()
    )
}

pub fn remove_achievement_question(title: &str) -> String {
    format!("从该教师的成果中删除“{title}”？")
}

/// The name the save dialog offers for a teacher's 工作量证明.
pub fn certificate_file_name(name: &str) -> String {
    format!("{name}工作量证明.pdf")
}

pub const EXPORT_ALLOWANCE: &str = "导出课时津贴表 PDF…";
pub const BUILDING_ALLOWANCE: &str = "正在生成课时津贴表…";
pub const ALLOWANCE_PATH_HINT: &str = "如 D:\\教务处\\课时津贴表.pdf";

pub fn allowance_file(term: &str) -> String {
    format!("{term}课时津贴表.pdf")
}

/// After a 工作量证明 or 课时津贴表 was written; `what` is the workflow's description of it.
pub fn signed_form_exported(what: &str, path: &std::path::Path) -> String {
    format!("已导出{what}：{}", path.display())
}
pub const ADD_TRAINING: &str = "添加培训";
pub const ADD_PRACTICE: &str = "添加实践";
/// The forms every date field reads (`parse_date`).
pub const DATE_FORMS: &str = "2024-03-15、2024/3/15 或 2024年3月15日";

pub fn undeclared_specialty(name: &str) -> String {
    format!("“{name}”不是本校申报的专业，请在上面改选")
}

/// What correcting a catalogue entry did, with what a new name changed besides.
pub fn catalogue_entry_corrected(old: &str, new: &str, counts: crate::store::Renamed) -> String {
    if old == new {
        return format!("已修改专业“{new}”（待核对）");
    }
    let mut also = Vec::new();
    if counts.declarations > 0 {
        also.push(format!("{} 份申报", counts.declarations));
    }
    if counts.resources > 0 {
        also.push(format!("{} 项资源", counts.resources));
    }
    if counts.hours > 0 {
        also.push(format!("{} 条课时记录", counts.hours));
    }
    let also = if also.is_empty() {
        String::new()
    } else {
        format!("，并已更新{}", also.join("、"))
    };
    format!("已改名：{old} → {new}（待核对）{also}")
}

pub const HELP: &str = "帮助";
pub const HELP_TITLE: &str = "帮助";
pub const CLOSE_HELP: &str = "知道了";
pub const HELP_INTRO: &str = "本程序依据内人社办发〔2022〕111号，帮助技工院校教务处准备工学一体化建设专业申报材料。各部分的用途：";
pub const HELP_AREAS: [(&str, &str); 5] = [
    (
        "学校信息",
        "学校名称、类型、所属盟市和联系人；印在申报材料的“学校基本情况”中。学校类型决定每批可申报的专业数。",
    ),
    (
        "专业申报",
        "按批次申报建设专业：技师学院每批原则上不超过3个，其他技工院校不超过2个（三(一)）。填写培养层次、教学场地（二(三)）和合作企业（二(五)），校内审核后确认。",
    ),
    (
        "教师与课时",
        "教师名册、教师填报课时和课时汇总；承担一体化课程的教师按1.4倍核算课时量（二(四)）。可从 Excel 导入。",
    ),
    (
        "教学资源包",
        "教材、工作页、教学案例库、教学课件、教学视频（二(一)）；教材凡编必审、凡选必审，审核通过才计入。",
    ),
    (
        "导出与签署",
        "导出申报材料 PDF：打印，签字盖章，并可加数字签名，报送盟市人社部门。",
    ),
];
pub const HELP_WHERE: &str = "数据存放在哪里";
pub const HELP_THIS_FILE: &str = "当前学校文件";
pub const HELP_BACKUPS: &str = "自动备份";
pub const HELP_DEFAULT_FILE: &str = "默认学校文件";
pub const HELP_SETTINGS: &str = "程序设置";
pub const HELP_DATA_NOTE: &str = "每所学校的全部数据都在一个 .yth 文件中，不联网、不上传。拷贝这个文件即可换电脑继续工作；每次打开时自动备份，保留最近几份。";
pub const HELP_KEYS_TITLE: &str = "快捷键";
pub const HELP_KEYS: [(&str, &str); 4] = [
    ("F1", "打开本帮助"),
    ("Ctrl+S", "保存学校信息"),
    ("Tab / Shift+Tab", "下一个 / 上一个输入框"),
    ("Esc", "关闭对话框"),
];
pub const OPEN_DEMO: &str = "打开演示学校";
pub const DEMO_FILE: &str = "演示学校.yth";

// Typing a path when the file dialog did not appear
/// The path field's label, which is also its widget id.
pub const FILE_PATH: &str = "文件路径";
pub const NO_FILE_CHOSEN: &str =
    "没有选择文件。如果文件对话框没有出现（有的系统缺少桌面门户），可在此输入文件的完整路径：";
pub const USE_TYPED_PATH: &str = "使用此路径";
pub const TYPE_A_PATH: &str = "请输入文件的完整路径";
pub const SCHOOL_FILE_PATH_HINT: &str = "如 D:\\教务处\\学校.yth";
pub const SAVE_PDF_PATH_HINT: &str = "如 D:\\教务处\\第一批申报材料.pdf";
pub const IMAGE_PATH_HINT: &str = "如 D:\\教务处\\公章.png";
pub const XLSX_PATH_HINT: &str = "如 D:\\教务处\\课时汇总.xlsx";
pub const PEM_PATH_HINT: &str = "如 D:\\教务处\\学校证书.pem";
pub const RESOURCE_FILE_PATH_HINT: &str = "如 D:\\资源包\\工作页01.pdf";
pub const CATALOGUE_PATH_HINT: &str = "如 D:\\教务处\\专业目录.csv";
pub const SHEET_PATH_HINT: &str = "如 D:\\教务处\\教师名册.xlsx";

pub fn typed_path_exists(path: &std::path::Path) -> String {
    format!(
        "已有文件 {}：请换一个文件名，或先把原文件移走",
        path.display()
    )
}
pub const CORRECT_LESSON_HINT: &str = "已把这条课时填入上面的表格：改好节数或内容后按“记录”，确认替换即可；改了日期、课程或班级则是另记一条，原来的请删除。";

// 系数与津贴 (policy 四(二))
pub const TAB_PAY: &str = "系数与津贴";
pub const PAY_INTRO: &str = "这里登记学校在政策规定的1.4之外批准的提高系数、课程开发工作量，以及额定课时和课时津贴标准。保存后课时汇总和课时津贴表随即按此计算；每项都可修改、删除，最近一次改动可撤销。";
pub const NOTHING_SET: &str = "尚未设置。";
pub const SAVE_CHANGES: &str = "保存修改";
pub const DATE_HINT: &str = "如 2024-09-01";
pub const ANY_TITLE_HINT: &str = "留空表示全体";
pub const EVERY_TITLE: &str = "全体教师";
pub const RAISES: &str = "提高系数";
pub const RAISES_HINT: &str = "可针对教师、课程或教师所授的某门课程；同一对象以生效日期最近的一条为准（填1即取消），不同对象的系数相乘。只用于一体化课程。";
pub const RAISE_SCOPE: &str = "对象";
pub const RAISE_TEACHER: &str = "适用教师工号";
pub const RAISE_TEACHER_HINT: &str = "如 T0001";
pub const RAISE_COURSE: &str = "适用课程";
pub const RAISE_COURSE_HINT: &str = "留空表示该教师的全部一体化课程";
pub const RAISE_FACTOR: &str = "系数";
pub const RAISE_FACTOR_HINT: &str = "如 1.15";
pub const RAISE_REASON: &str = "依据";
pub const RAISE_NOTE: &str = "依据说明";
pub const RAISE_APPROVER: &str = "批准人";
pub const RAISE_APPROVER_HINT: &str = "如 校长办公会";
pub const RAISE_FROM: &str = "生效日期";
pub const ADD_RAISE: &str = "添加提高系数";
pub const RAISE_FACTOR_FORM: &str = "系数须是最多两位小数的数，如 1.15";
pub const CHOOSE_RAISE_REASON: &str = "请选择提高系数的依据：课程开发、教学难度、教学效果或其他";
pub const DEVELOPMENTS: &str = "课程开发工作量";
pub const DEVELOPMENTS_HINT: &str = "如国家课程标准的校本转化、编写工作页、建设教学案例库；认定的课时计入该教师当学期的折算课时（不再乘系数）。";
pub const DEV_TEACHER: &str = "开发教师工号";
pub const DEV_TERM: &str = "认定学期";
pub const DEV_TERM_HINT: &str = "如 2024-2025学年第一学期";
pub const DEV_PERIODS: &str = "认定课时";
pub const DEV_WHAT: &str = "开发内容";
pub const DEV_WHAT_HINT: &str = "如 汽车发动机检修课程标准校本转化";
pub const DEV_RESOURCES: &str = "形成的资源";
pub const DEV_RESOURCES_HINT: &str = "资源包中的名称，多个用顿号分隔";
pub const DEV_APPROVER: &str = "认定人";
pub const ADD_DEVELOPMENT: &str = "添加课程开发工作量";
pub const REQUIRED: &str = "额定课时（每学期）";
pub const REQUIRED_HINT: &str = "按职称设定；职称留空的一行适用于其余全体教师。";
pub const REQUIRED_TITLE: &str = "额定职称";
pub const REQUIRED_PERIODS: &str = "额定课时";
pub const ADD_REQUIRED: &str = "添加额定课时";
pub const EXCEPTIONS: &str = "额定课时例外";
pub const EXCEPTIONS_HINT: &str = "个别教师（如承担管理工作）的额定课时，优先于按职称的设定。";
pub const EXCEPTION_TEACHER: &str = "例外教师工号";
pub const EXCEPTION_PERIODS: &str = "该教师额定课时";
pub const EXCEPTION_REASON: &str = "例外原因";
pub const ADD_EXCEPTION: &str = "添加例外";
pub const RATES: &str = "课时津贴标准";
pub const RATES_HINT: &str =
    "每个折算课时的金额（元），自生效日期起适用；职称留空为统一标准。按学期第一天生效的标准计算。";
pub const RATE_FROM: &str = "标准生效日期";
pub const RATE_TITLE: &str = "标准职称";
pub const RATE_AMOUNT: &str = "每课时（元）";
pub const RATE_AMOUNT_HINT: &str = "如 30 或 32.50";
pub const RATE_FORM: &str = "每课时金额须是最多两位小数的元数，如 32.50";
pub const ADD_RATE: &str = "添加津贴标准";
pub const ALLOWANCE_BASIS: &str = "课时津贴按";
pub const PAY_UNDONE: &str = "已撤销最近一次改动";

pub fn no_such_teacher(id: &str) -> String {
    format!("名册中没有工号为“{id}”的教师：请核对工号，或先在教师名册中添加")
}

pub fn no_such_term(name: &str) -> String {
    if name.is_empty() {
        "请填写学期，如 2024-2025学年第一学期".to_string()
    } else {
        format!("没有学期“{name}”：请按“课时汇总”中列出的学期名称填写")
    }
}

pub fn must_be_whole(label: &str) -> String {
    format!("{label}须是整数")
}

pub fn must_be_date(label: &str) -> String {
    format!("{label}须是日期，如 2024-09-01")
}

pub fn development_saved(what: &str, periods: u32) -> String {
    format!("课程开发工作量“{what}”{periods}课时")
}

pub fn required_saved(title: &str, periods: u32) -> String {
    let who = if title.is_empty() { EVERY_TITLE } else { title };
    format!("{who}的额定课时每学期{periods}节")
}

pub fn exception_saved(teacher: &str, periods: u32) -> String {
    format!("教师{teacher}的额定课时每学期{periods}节")
}

pub fn rate_saved(title: &str, rate: crate::domain::exact::Fen, from: chrono::NaiveDate) -> String {
    let who = if title.is_empty() { "统一" } else { title };
    format!("{who}课时津贴每课时{rate}元（{from}起）")
}

pub fn basis_saved(basis: &str) -> String {
    format!("课时津贴改为按{basis}计算")
}

pub const FACTORS: &str = "系数";
pub const DEVELOPMENT_PERIODS: &str = "开发";
/// 停课 and others' 代课 that came off a plan; the periods given as 代课 (included in 一体化 and 其他).
pub const CANCELLED_SHORT: &str = "停课";
pub const SUBSTITUTE_SHORT: &str = "代课";
pub const ALLOWANCE_YUAN: &str = "津贴（元）";
pub const RAISE_NOTES: &str = "提高系数";
/// The teacher table's headers, short so that every column fits 1366 px; the figures are 节.
pub const LEVEL_SHORT: &str = "等级";
pub const INTEGRATED_SHORT: &str = "一体化";
pub const OTHER_SHORT: &str = "其他";
pub const WEIGHTED_SHORT: &str = "折算";
pub const REQUIRED_SHORT: &str = "额定";
pub const EXCESS_SHORT: &str = "超额";
pub const NOT_SET: &str = "—";

/// "1.4×1.15＝1.61", or "—" for a course that is not weighted.
pub fn factors(
    values: &[crate::domain::Hundredths],
    product: crate::domain::exact::Exact,
) -> String {
    match values {
        [] => NOT_SET.to_string(),
        [one] => one.to_string(),
        many => {
            let each: Vec<String> = many.iter().map(ToString::to_string).collect();
            format!("{}＝{product}", each.join("×"))
        }
    }
}

/// Which notes a teacher's row refers to: "注1、注3".
pub fn raise_notes(raises: &[usize]) -> String {
    let notes: Vec<String> = raises.iter().map(|i| format!("注{}", i + 1)).collect();
    notes.join("、")
}

pub fn raise_note(number: usize, text: &str) -> String {
    format!("注{number}：{text}")
}

// 汇总文件: the receiving office (盟市, 自治区)
pub const NEW_ROLLUP_FILE: &str = "新建汇总文件…";
pub const OFFICE_FIRST_RUN: &str = "盟市、自治区人社部门收取各校申报材料，不填学校信息：";
/// The 汇总文件's name and type in the new and open dialogs.
pub const ROLLUP_FILE_FILTER: &str = "汇总文件";
pub const ROLLUP_FILE_NAME: &str = "汇总.yhz";
/// Both kinds of file in the open dialog.
pub const OUR_FILES_FILTER: &str = "学校文件或汇总文件";
pub const ROLLUP_FILE_PATH_HINT: &str = "如 D:\\人社局\\汇总.yhz";
pub const NEW_ROLLUP_HEADING: &str = "新建汇总文件";
pub const NEW_ROLLUP_HINT: &str =
    "盟市人社局、自治区人社厅收取各校的申报材料：验证签名、重新审核、填写意见、对照目标汇总。";
pub const OFFICE_NAME: &str = "单位名称";
pub const OFFICE_NAME_HINT: &str = "例如：包头市人力资源和社会保障局";
pub const OFFICE_LEVEL: &str = "单位级别";
pub const OFFICE_REGION: &str = "所属盟市";
pub const CHOOSE_LEVEL: &str = "请选择单位级别";
pub const ROLLUP_SAVED_AT: &str = "汇总文件保存位置：";
pub const RECEIVE_FILES: &str = "收取申报材料…";
pub const RECEIVE_FOLDER: &str = "收取文件夹…";
pub const RECEIVE_HINT: &str = "选择学校发来的申报材料 PDF（可多选），或存放它们的文件夹；也可以把文件拖到窗口上。每份材料先验证数字签名，再读取所附数据、重新审核。";
pub const RECEIVE_HINT_AUTONOMOUS: &str = "选择学校发来的申报材料或盟市的转报材料 PDF（可多选），或存放它们的文件夹；也可以把文件拖到窗口上。转报材料先验证盟市的数字签名，其中每份申报材料再验证学校的签名、读取所附数据、重新审核。";
pub const FORWARD: &str = "转报自治区";
pub const FORWARD_HINT: &str = "转报材料是一份带本单位电子签名的 PDF：推荐汇总表，随附各校状态为“有效”的申报材料原件和本单位的意见。自治区收取后逐份重新验证。";
pub const FORWARD_NO_KEY: &str = "本单位还没有签署密钥。设置口令（至少8个字符）创建密钥后即可导出转报材料；口令只用于签署，请妥善保管。";
pub const EXPORT_FORWARD: &str = "导出转报材料…";
pub const REPLACE_OFFICE_KEY: &str = "更换签署密钥";
pub const EXPORT_OFFICE_CERTIFICATE: &str = "导出本单位证书…";
pub const FORWARD_REPLACE_HINT: &str = "忘记口令时更换密钥：设置新口令（至少8个字符）。用旧密钥签署的转报材料仍可验证；更换后请把新证书指纹告知自治区。";
pub const REPEAT_SIGNING_PASSPHRASE: &str = "再次输入签署口令";
pub const PACKETS_PATH_HINT: &str = "如 D:\\人社局\\申报材料（文件或文件夹）";
pub const TARGETS: &str = "对照“十四五”目标";
pub const TARGET_SPECIALTIES: &str = "建设专业";
pub const TARGET_SCHOOLS: &str = "参与学校";
pub const TARGET_TRAINED: &str = "培训教师";
pub const ROLLUP_TABLE: &str = "汇总表";
pub const ROLLUP_EMPTY: &str = "还没有收取申报材料。";
pub const ROLLUP_FILTER: &str = "筛选";
pub const ROLLUP_FILTER_HINT: &str = "学校、盟市、专业、状态或意见";
pub const SORT_BY: &str = "排序";
pub const ACROSS_SCHOOLS: &str = "跨校提示";
pub const COL_REGION: &str = "盟市";
pub const COL_SCHOOL: &str = "学校";
pub const COL_BATCH: &str = "批次";
pub const COL_SPECIALTIES: &str = "建设专业（层次，招生，资源包）";
pub const COL_TEACHERS: &str = "教师";
pub const COL_FINDINGS: &str = "重新审核";
pub const COL_STATE: &str = "状态";
pub const COL_RECEIVED: &str = "收到";
pub const COL_OPINION: &str = "意见";
pub const WRITE_OPINION: &str = "填写意见";
pub const CHANGE_OPINION: &str = "修改意见";
pub const OPINION_TEXT: &str = "意见说明";
pub const OPINION_TEXT_HINT: &str = "例如：材料齐全，同意推荐";
pub const SAVE_OPINION: &str = "保存意见";
pub const CLEAR_OPINION: &str = "撤回意见";
pub const CHOOSE_OPINION: &str = "请选择推荐、不推荐或待定";
pub const ACCEPT_CERTIFICATE: &str = "接受新证书";
pub const TRUST_SCHOOL_CERTIFICATE: &str = "信任学校证书…";
/// The 自治区 trusts schools' and the 盟市' certificates.
pub const TRUST_ANY_CERTIFICATE: &str = "信任证书…";
pub const SCHOOL_CERTIFICATE_FILTER: &str = "证书";
pub const SCHOOL_CERTIFICATE_PATH_HINT: &str = "如 D:\\人社局\\证书\\某某技工学校.pem";
pub const EXPORT_ROLLUP_XLSX: &str = "导出汇总表（Excel）…";
pub const EXPORT_ROLLUP_PDF: &str = "导出推荐汇总表 PDF…";
pub const NO_OPINION: &str = "未填写";
pub const NOT_COUNTED: &str = "不计入";

pub fn receiving(done: usize, total: usize) -> String {
    format!("正在验证和读取申报材料：{done} / {total}")
}

pub fn received(valid: usize, attention: usize) -> String {
    if attention == 0 {
        format!("已收取{valid}份申报材料，全部有效。")
    } else {
        format!(
            "已处理{}份申报材料：有效{valid}份，需处理{attention}份（见下）。",
            valid + attention
        )
    }
}

pub fn teachers(integrated: usize, trained: usize) -> String {
    format!("一体化{integrated}人\n培训{trained}人")
}

pub fn findings(errors: usize, warnings: usize) -> String {
    match (errors, warnings) {
        (0, 0) => "无问题".into(),
        _ => format!("错误{errors}处\n提醒{warnings}处"),
    }
}

pub fn opinion_saved(school: &str, batch: u32, opinion: &str) -> String {
    format!("已记录对{school}第{batch}批的意见：{opinion}。")
}

pub fn opinion_cleared(school: &str, batch: u32) -> String {
    format!("已撤回对{school}第{batch}批的意见。")
}

pub fn region_share(region: &str, specialties: usize, schools: usize, trained: usize) -> String {
    format!("{region}：专业{specialties}个，学校{schools}所，培训教师{trained}人")
}

pub fn changed_kept(n: usize) -> String {
    format!("另有{n}份已改动（留作证据）")
}

pub fn office_key_created(fingerprint: &str) -> String {
    format!("已创建本单位的签署密钥和证书（有效期5年）。证书指纹（SHA-256）：{fingerprint}")
}

pub fn forward_key(created_at: &str) -> String {
    format!("本单位签署密钥创建于{created_at}。填写签署口令后导出，转报材料即签署。")
}

pub fn office_certificate_exported(path: &std::path::Path, fingerprint: &str) -> String {
    format!(
        "已导出本单位证书：{}。请交自治区用“信任证书…”导入，并电话核对指纹（SHA-256）：{fingerprint}",
        path.display()
    )
}

pub fn forwarded(count: usize, path: &std::path::Path) -> String {
    format!(
        "已导出转报材料（随附申报材料{count}份，已签署）：{}",
        path.display()
    )
}

pub fn superseded(n: usize) -> String {
    format!("已替代较早的{n}份")
}
