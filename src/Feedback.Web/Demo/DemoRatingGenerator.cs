using Feedback.Web.Classification;
using Feedback.Web.Evaluations;
using Feedback.Web.Infrastructure;
using Feedback.Web.Organization;

namespace Feedback.Web.Demo;

/// <summary>Ratings with a realistic mix: about 95% 好评, a few weak windows, more traffic on weekdays.</summary>
internal sealed class DemoRatingGenerator(Random random, List<Staff> staff, List<ServiceItem> items, PhoneProtector phones, ThemeTagger tagger, CentreTime centre)
{
    /// <summary>Share of active good ratings whose comment is a complaint (a hidden 差评).</summary>
    public const double HiddenComplaintShare = 0.02;

    private static readonly string[] ActiveChannels = ["qr", "qr", "qr", "pad", "pad", "mobile", "web", "terminal", "phone", "sms"];
    private int _caseNumber;

    public IEnumerable<Evaluation> Day(DateTimeOffset day, DateTimeOffset now, int perDay)
    {
        var local = DateOnly.FromDateTime(centre.ToLocal(day));
        var weekend = local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var count = weekend ? perDay / 6 : perDay + random.Next(-perDay / 5, perDay / 5);
        var midnight = centre.StartOfDay(local);
        for (var i = 0; i < count; i++)
        {
            var at = midnight.AddHours(8.5 + random.NextDouble() * 9);
            if (at < now)
            {
                yield return Rating(at, now);
            }
        }
    }

    private Evaluation Rating(DateTimeOffset at, DateTimeOffset now)
    {
        var person = staff[random.Next(staff.Count)];
        var item = items.Where(i => i.DepartmentCode == person.DepartmentCode).ElementAt(random.Next(7));
        // A default rating is recorded 7 days after an unrated transaction.
        var isDefault = random.NextDouble() < 0.08 && at.AddDays(7) < now;
        // Windows ending in 3 are the weak ones, so that rankings have something to show.
        var weak = person.WindowCode!.EndsWith('3');
        var rating = isDefault ? Ratings.Basic : PickRating(weak ? 0.12 : 0.035);
        var comment = isDefault ? null : PickComment(rating);
        var named = !isDefault && random.NextDouble() < 0.2;
        var phone = named ? $"1{random.Next(3, 10)}{random.Next(100_000_000, 999_999_999)}" : null;
        var evaluation = new Evaluation
        {
            CaseNumber = $"BJ{centre.ToLocal(at):yyyyMMdd}{++_caseNumber:000000}",
            AssessNumber = 1,
            Channel = isDefault ? Channels.Default : ActiveChannels[random.Next(ActiveChannels.Length)],
            Rating = (short)rating,
            ReasonCodes = Ratings.IsBad(rating) ? [(short)ReasonCodes.ForRating(rating).ElementAt(random.Next(7))] : [],
            Comment = comment,
            DepartmentCode = person.DepartmentCode,
            WindowCode = person.WindowCode,
            StaffCode = person.Code,
            ServiceItemCode = item.Code,
            Anonymous = !named,
            RaterName = named ? DemoData.Surnames[random.Next(DemoData.Surnames.Length)] + "先生" : null,
            RaterPhoneMasked = phone is null ? null : PhoneProtector.Mask(phone),
            RaterPhoneHash = phone is null ? null : phones.Hash(phone),
            EvaluatedAt = isDefault ? at.AddDays(7) : at.AddMinutes(random.Next(1, 30)),
            ReceivedAt = isDefault ? at.AddDays(7) : at.AddMinutes(random.Next(1, 30)),
            IsDefault = isDefault,
        };
        tagger.Tag(evaluation);
        return evaluation;
    }

    private int PickRating(double badShare)
    {
        var x = random.NextDouble();
        return x < badShare * 0.4 ? 1 : x < badShare ? 2 : x < badShare + 0.05 ? 3 : x < badShare + 0.25 ? 4 : 5;
    }

    private string? PickComment(int rating)
    {
        var pool = rating switch
        {
            <= 2 => DemoData.Complaints,
            _ when random.NextDouble() < HiddenComplaintShare => DemoData.HiddenComplaints,
            3 => DemoData.Neutral,
            _ => DemoData.Praise,
        };
        var text = pool[random.Next(pool.Length)];
        return text.Length == 0 ? null : text;
    }
}
