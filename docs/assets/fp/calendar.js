/* Frontline Playbook: calendar reminders (.ics) for an assignment. Pure: text in, text out.
   One all-day event per module on its due date, with a reminder the morning before and the
   module's address, so the reminder leads straight to the work. */
window.FP = window.FP || {};
(function (FP) {
  "use strict";
  var C = FP.calendar = {};

  /* Text escaped for an iCalendar property value (RFC 5545 3.3.11). */
  C.escape = function (s) {
    return String(s).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  };
  /* Lines longer than 75 octets folded, as RFC 5545 3.1 asks (never inside a character). */
  function fold(line) {
    var out = [], cur = "", size = 0;
    Array.from(line).forEach(function (ch) {
      var c = ch.codePointAt(0), bytes = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      if (size + bytes > 75) { out.push(cur); cur = " "; size = 1; }
      cur += ch;
      size += bytes;
    });
    out.push(cur);
    return out.join("\r\n");
  }

  /* The .ics text of assignment `a`; `now` (a Date) stamps it, `cat.root` makes module links absolute. */
  C.ics = function (a, cat, now) {
    var stamp = (now || new Date()).toISOString().replace(/[-:]/g, "").slice(0, 15) + "Z";
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Frontline Playbook//Assignments//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
    a.items.forEach(function (it, n) {
      var mod = cat.modules[it.m], day = it.due.replace(/-/g, "");
      var url = new URL(mod.url, cat.root).href;
      lines.push("BEGIN:VEVENT", "UID:" + day + "-" + it.m + "-" + n + "@frontline-playbook", "DTSTAMP:" + stamp,
        "DTSTART;VALUE=DATE:" + day, "DTEND;VALUE=DATE:" + FP.addDays(it.due, 1).replace(/-/g, ""),
        "SUMMARY:" + C.escape("Frontline Playbook: " + mod.title + " due"),
        "DESCRIPTION:" + C.escape("Assigned to " + a.name + ". Read the module and pass its self-check (about " + mod.duration + " min): " + url),
        "URL:" + url,
        "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT15H", "DESCRIPTION:" + C.escape(mod.title + " is due tomorrow"), "END:VALARM",
        "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  };
})(window.FP);
