using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Feedback.Web.Data.Migrations
{
    /// <summary>
    /// rating_hours: first ratings counted per hour and department, kept by Overview/RatingHours (not by the writer,
    /// so ingestion pays nothing), for /overview. Read by SQL only, so it has no entity and changes no model.
    /// </summary>
    [DbContext(typeof(FeedbackDbContext))]
    [Migration("20261203190000_ReportSpeed")]
    public partial class ReportSpeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE rating_hours (
                    hour timestamp with time zone NOT NULL,
                    department_code text NOT NULL,
                    total bigint NOT NULL,
                    defaults bigint NOT NULL,
                    good bigint NOT NULL,
                    low bigint NOT NULL,
                    suspected bigint NOT NULL,
                    refreshed_at timestamp with time zone NOT NULL,
                    CONSTRAINT pk_rating_hours PRIMARY KEY (hour, department_code)
                );
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE rating_hours;");
        }
    }
}
