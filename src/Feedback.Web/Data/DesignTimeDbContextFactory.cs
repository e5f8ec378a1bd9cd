using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Feedback.Web.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting a database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<FeedbackDbContext>
{
    public FeedbackDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<FeedbackDbContext>()
        .UseNpgsql("Host=localhost;Database=feedback")
        .UseSnakeCaseNamingConvention()
        .Options);
}
