"""schema.org JobPosting: what a vacancy's page carries as JSON-LD, what the API serves, and what the import
reads (see imports.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.urls import reverse

from .models import ContractType, Remote, WorkingTime

EMPLOYMENT_TYPE = {
    ContractType.PERMANENT: [], ContractType.FIXED_TERM: ["TEMPORARY"], ContractType.APPRENTICESHIP: ["INTERN"],
    ContractType.TRAINEESHIP: ["INTERN"], ContractType.AGENCY: ["TEMPORARY"], ContractType.SEASONAL: ["TEMPORARY"],
    ContractType.OCCASIONAL: ["PER_DIEM"],
}
EQF_CATEGORY = {1: "primary school", 2: "high school", 3: "high school", 4: "high school",
                5: "associate degree", 6: "bachelor degree", 7: "postgraduate degree", 8: "postgraduate degree"}


def vacancy_url(vacancy: Any, desk: Any = None) -> str:
    desk = desk or vacancy.desk
    return settings.SITE_URL + reverse("jobs:vacancy", kwargs={"desk_slug": desk.slug, "pk": vacancy.pk})


def to_jobposting(vacancy: Any, request: Any = None) -> dict[str, Any]:
    """The vacancy as a schema.org JobPosting (required and recommended properties for job search engines)."""
    employer = vacancy.employer
    types = ["FULL_TIME" if vacancy.working_time == WorkingTime.FULL else "PART_TIME",
             *EMPLOYMENT_TYPE.get(vacancy.contract_type, [])]
    data: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "identifier": {"@type": "PropertyValue", "name": vacancy.desk.name, "value": str(vacancy.pk)},
        "url": vacancy_url(vacancy),
        "title": vacancy.title,
        "description": vacancy.description,
        "datePosted": vacancy.published_on.isoformat() if vacancy.published_on else None,
        "validThrough": (dt.datetime.combine(vacancy.expires_on, dt.time(23, 59, 59), tzinfo=vacancy.desk.tz)
                         .isoformat() if vacancy.expires_on else None),
        "employmentType": types,
        "hiringOrganization": {"@type": "Organization", "name": employer.name, "taxID": employer.tax_code},
        "jobLocation": {"@type": "Place", "address": {
            "@type": "PostalAddress", "streetAddress": vacancy.address or None, "addressLocality": vacancy.comune,
            "addressCountry": "IT"}},
        "occupationalCategory": vacancy.isco_code,
        "relevantOccupation": {"@type": "Occupation", "name": vacancy.occupation.preferred_label,
                               "occupationalCategory": vacancy.isco_code, "sameAs": vacancy.occupation.uri},
        "totalJobOpenings": vacancy.openings,
        "directApply": False,
        "applicationContact": {"@type": "ContactPoint", "description": vacancy.how_to_apply},
        "skills": [s.preferred_label for s in vacancy.essential_skills.all()],
        "experienceRequirements": ({"@type": "OccupationalExperienceRequirements",
                                    "monthsOfExperience": vacancy.experience_months}
                                   if vacancy.experience_months else None),
        "educationRequirements": ({"@type": "EducationalOccupationalCredential",
                                   "credentialCategory": EQF_CATEGORY[vacancy.education_eqf]}
                                  if vacancy.education_eqf else None),
    }
    data["jobLocation"]["address"] = {k: v for k, v in data["jobLocation"]["address"].items() if v}
    if vacancy.remote == Remote.REMOTE:
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = {"@type": "Country", "name": "IT"}
    if vacancy.salary_min or vacancy.salary_max:
        value = {"@type": "QuantitativeValue", "unitText": "YEAR"}
        if vacancy.salary_min:
            value["minValue"] = vacancy.salary_min
        if vacancy.salary_max:
            value["maxValue"] = vacancy.salary_max
        data["baseSalary"] = {"@type": "MonetaryAmount", "currency": "EUR", "value": value}
    if vacancy.hours_per_week:
        data["workHours"] = f"{vacancy.hours_per_week} ore settimanali"
    if vacancy.languages:
        data["qualifications"] = ", ".join(f"{code} {level}" for code, level in sorted(vacancy.languages.items()))
    return {k: v for k, v in data.items() if v not in (None, "", [])}
